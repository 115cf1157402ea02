/**
 * Plain share links (no script, no tracker): each service's own compose address with the article's
 * URL and title filled in.
 */
export interface ShareLink {
  service: 'email' | 'x' | 'linkedin' | 'bluesky';
  label: string;
  href: string;
}

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { service: 'email', label: 'Email', href: `mailto:?subject=${encodeURIComponent(title)}&body=${u}` },
    { service: 'x', label: 'X', href: `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${u}` },
    { service: 'linkedin', label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { service: 'bluesky', label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${both}` },
  ];
}
