import { describe, expect, it } from 'vitest';
import { withoutSecrets } from '../../../src/lib/build/build-env.ts';

describe('the environment a build step gets', () => {
  it('has no credentials: API keys, tokens, secrets, passwords', () => {
    const env = {
      BUTTONDOWN_API_KEY: 'k',
      BUTTONDOWN_APIKEY: 'k',
      GITHUB_TOKEN: 't',
      NODE_AUTH_TOKEN: 't',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      ACTIONS_RUNTIME_TOKEN: 't',
      AWS_SECRET_ACCESS_KEY: 's',
      DB_PASSWORD: 'p',
      SMTP_PASSWD: 'p',
      GOOGLE_APPLICATION_CREDENTIALS: '/key.json',
      api_key: 'lower case too',
    };
    expect(withoutSecrets(env)).toEqual({});
  });

  it('keeps everything a build reads', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/home/you',
      SITE_URL: 'https://ai-frontier.news',
      NEWSLETTER_SERVICE: 'buttondown',
      NEWSLETTER_SIGNUP: 'aifrontier',
      BUTTONDOWN_API_URL: 'https://api.buttondown.com',
      BUILD_DATE: '2026-11-24',
      AIF_CACHE_DIR: '/cache',
      WEBSUB_HUB: 'https://hub.example',
      KEYBOARD_LAYOUT: 'us',
      MONKEY_PATCH: '1',
      CI: 'true',
    };
    expect(withoutSecrets(env)).toEqual(env);
  });
});
