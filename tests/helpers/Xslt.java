// Applies an XSL stylesheet to an XML file with the JDK's built-in XSLT 1.0
// processor and prints the result: an independent check of public/feed.xsl,
// the same transform a browser runs when a person opens a feed.
// Usage: java tests/helpers/Xslt.java <stylesheet.xsl> <feed.xml>
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.File;

public class Xslt {
  public static void main(String[] args) throws Exception {
    var transformer = TransformerFactory.newInstance().newTransformer(new StreamSource(new File(args[0])));
    transformer.transform(new StreamSource(new File(args[1])), new StreamResult(System.out));
  }
}
