<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shown when a person opens /rss.xml or /atom.xml (or a tag's feed) in a
  browser: the feed as a readable page that says what a feed is and how to
  subscribe. Feed readers ignore it. One stylesheet serves RSS 2.0 and Atom.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="description" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <!-- feed.css sits beside this stylesheet, under the site's base path: its address is read from the feed's own xml-stylesheet line. -->
  <xsl:variable name="xsl" select="substring-before(substring-after(/processing-instruction('xml-stylesheet'), 'href=&quot;'), '&quot;')"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (web feed)</title>
        <link rel="stylesheet" href="{concat(substring-before($xsl, 'feed.xsl'), 'feed.css')}"/>
      </head>
      <body>
        <main>
          <aside class="subscribe">
            <p><strong>This is a web feed.</strong> Copy its address into a feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird…) to get every new issue as it is published:</p>
            <p><code><xsl:value-of select="$self"/></code></p>
          </aside>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="dek"><xsl:value-of select="$description"/></p>
          <p><a href="{$home}">Visit the website →</a></p>
          <h2>Latest</h2>
          <ol class="items">
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <a href="{link}"><xsl:value-of select="title"/></a>
      <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <time><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
