/**
 * Components every MDX article can use without an import line. The article
 * page passes this map to `<Content components={…} />`; feeds pass a map of
 * static variants with the same names.
 */
export const mdxComponents = {};
