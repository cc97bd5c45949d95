import {
  boardDestination,
  clickIntent,
  hrefOf,
  issueDestination,
  issueHrefFrom,
  moduleHrefFrom,
  originOf,
  productOf,
  SENTINEL_ISSUE_KEY,
} from '../../static/src/components/link-targets';

/** Where links lead (app/links.ts hands these to Forge's router), without a bridge. */
describe('link targets', () => {
  const jira = { product: 'jira', siteOrigin: 'https://acme.atlassian.net' } as const;
  const confluence = { product: 'confluence', siteOrigin: 'https://acme.atlassian.net' } as const;

  it('tells Confluence modules from Jira ones by the extension type', () => {
    expect(productOf('macro')).toBe('confluence');
    expect(productOf('confluence:globalPage')).toBe('confluence');
    expect(productOf('jira:dashboardGadget')).toBe('jira');
    expect(productOf(undefined)).toBe('jira');
  });

  it('reads the site origin, or nothing from a bad siteUrl', () => {
    expect(originOf('https://acme.atlassian.net/wiki')).toBe('https://acme.atlassian.net');
    expect(originOf('not a url')).toBe('');
    expect(originOf(undefined)).toBe('');
  });

  it('opens an issue through the issue target in Jira and by the site address in Confluence', () => {
    expect(issueDestination(jira, 'OKR-1')).toEqual({
      kind: 'location',
      location: { target: 'issue', issueKey: 'OKR-1' },
    });
    expect(issueDestination(confluence, 'OKR-1')).toEqual({
      kind: 'url',
      url: 'https://acme.atlassian.net/browse/OKR-1',
    });
    // Without a site address the target is all there is.
    expect(issueDestination({ product: 'confluence', siteOrigin: '' }, 'OKR-1').kind).toBe('location');
  });

  it('opens an objective on the board module with its route', () => {
    expect(boardDestination('/cycles/c1?objective=o1')).toEqual({
      kind: 'location',
      location: { target: 'module', moduleKey: 'cadence-board', path: '/cycles/c1?objective=o1' },
    });
  });

  it('navigates on a plain click and opens a new tab on a modified or middle click', () => {
    const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(clickIntent(click)).toBe('navigate');
    expect(clickIntent({ ...click, ctrlKey: true })).toBe('open');
    expect(clickIntent({ ...click, metaKey: true })).toBe('open');
    expect(clickIntent({ ...click, shiftKey: true })).toBe('open');
    expect(clickIntent({ ...click, button: 1 })).toBe('open');
    expect(clickIntent({ ...click, button: 2 })).toBe('none');
  });

  it('builds hrefs from the patterns the router answered once', () => {
    const issuePattern = `https://acme.atlassian.net/browse/${SENTINEL_ISSUE_KEY}`;
    expect(issueHrefFrom(issuePattern, 'OKR-7')).toBe('https://acme.atlassian.net/browse/OKR-7');
    expect(moduleHrefFrom('http://127.0.0.1:4870/jira/apps/cadence-board/?as=u1', '/cycles/c%201?objective=o1')).toBe(
      'http://127.0.0.1:4870/jira/apps/cadence-board/cycles/c%201?as=u1&objective=o1',
    );
    const patterns = { issue: issuePattern, boardRoot: 'https://acme.atlassian.net/jira/apps/a/e' };
    expect(hrefOf(issueDestination(jira, 'OKR-2'), patterns)).toBe('https://acme.atlassian.net/browse/OKR-2');
    expect(hrefOf(issueDestination(confluence, 'OKR-2'), {})).toBe('https://acme.atlassian.net/browse/OKR-2');
    expect(hrefOf(boardDestination('/?objective=o9'), patterns)).toBe(
      'https://acme.atlassian.net/jira/apps/a/e/?objective=o9',
    );
    expect(hrefOf(issueDestination(jira, 'OKR-2'), {})).toBeUndefined();
    expect(hrefOf(boardDestination('/'), {})).toBeUndefined();
  });
});
