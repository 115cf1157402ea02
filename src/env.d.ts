declare namespace App {
  interface Locals {
    /** Publish date of the article being rendered: figures revised after it show a correction mark. */
    articlePublished?: Date;
    /** How many times each figure has been referenced so far on the page (Fig.astro numbers its references). */
    figureRefs?: Map<string, number>;
    /** Chart anchors used so far on the page (Chart.astro keeps them unique). */
    chartIds?: Map<string, number>;
  }
}
