/** `node scripts/lib/serve-dir.ts DIR URL_FILE`: serve a built site on 127.0.0.1 and write its URL to URL_FILE (for the benchmark's Lighthouse runs). */
import { writeFileSync } from 'node:fs';
import { serveDist } from '../../tests/helpers/static-server.ts';

const [dir, urlFile] = process.argv.slice(2);
const server = await serveDist(dir!);
writeFileSync(urlFile!, server.url);
