declare namespace App {
  interface Locals {
    /** Publish date of the article being rendered: figures revised after it show a correction mark. */
    articlePublished?: Date;
  }
}
