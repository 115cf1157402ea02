/** "Now" for this build: BUILD_DATE when set, else the clock (read on every call). */
export function buildNow(): Date {
  // BUILD_DATE lets tests and scheduled rebuilds pin "today".
  const pinned = process.env.BUILD_DATE;
  return pinned ? new Date(pinned) : new Date();
}

/**
 * Names of environment variables that hold credentials: API keys, tokens, secrets, passwords
 * (BUTTONDOWN_API_KEY, GITHUB_TOKEN, NPM_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN, …).
 */
const SECRET_NAME = /(?:^|_)(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)(?:_|$)/i;

/**
 * The environment without credentials, for every step of a build. A build runs the articles' MDX,
 * which can read the environment: `{process.env.BUTTONDOWN_API_KEY}` in an article printed the key into
 * its page, every feed and the newsletter edition. A build needs no secret, so it is given none.
 */
export function withoutSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SECRET_NAME.test(name)));
}
