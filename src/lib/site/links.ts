/** Whether a link leaves the site (and so gets rel="noopener noreferrer"). */
export function isExternal(href: string, siteUrl: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//')) return false;
  try {
    const url = new URL(href, siteUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== new URL(siteUrl).origin;
  } catch {
    return false;
  }
}
