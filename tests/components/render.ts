import { experimental_AstroContainer as AstroContainer, type ContainerRenderOptions } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

let container: AstroContainer | undefined;

/**
 * Render a component as the build would: the test runs Astro in dev mode, which annotates elements
 * with `data-astro-source-*` (for the dev toolbar); those are removed so tests see built markup.
 */
export async function render(component: AstroComponentFactory, options: ContainerRenderOptions = {}): Promise<string> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, options);
  return html.replace(/\sdata-astro-source-(?:file|loc)="[^"]*"/g, '');
}

/** Visible text, tags removed and spaces folded. */
export function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}
