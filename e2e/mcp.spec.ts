import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/*
 * An MCP client (the official SDK, no browser) against the running example
 * portal's MCP actions backend, signed in as README.md says: a user token
 * from the guest provider's refresh endpoint.
 */
const backend = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
const mcpUrl = new URL(`${backend}/api/mcp-actions/v1`);

const PATTERN_TOOLS = [
  'patterns.list-patterns',
  'patterns.get-pattern',
  'patterns.recommend-patterns',
  'patterns.who-uses-pattern',
  'patterns.get-entity-pattern-report',
];

/** A Backstage user token for the guest user, as README.md's "AI assistants" section gets it. */
async function guestToken(): Promise<string> {
  const response = await fetch(`${backend}/api/auth/guest/refresh`);
  expect(response.status).toBe(200);
  const body = await response.json();
  return body.backstageIdentity.token;
}

async function connect(token?: string): Promise<Client> {
  const client = new Client({ name: 'patterns-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(mcpUrl, {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  await client.connect(transport);
  return client;
}

/** The JSON a tool answered, from its structured content or its text. */
function outputOf(result: Awaited<ReturnType<Client['callTool']>>): any {
  expect(result.isError ?? false).toBe(false);
  if (result.structuredContent) return result.structuredContent;
  const [first] = result.content as Array<{ type: string; text: string }>;
  return JSON.parse(first.text);
}

test.describe('the MCP server of the example portal', () => {
  let token: string;
  let client: Client;

  test.beforeAll(async () => {
    token = await guestToken();
    client = await connect(token);
  });
  test.afterAll(async () => {
    await client?.close();
  });

  test('lists the patterns tools, read-only', async () => {
    const { tools } = await client.listTools();
    const patternTools = tools.filter(t => t.name.startsWith('patterns.'));
    expect(patternTools.map(t => t.name).sort()).toEqual(
      [...PATTERN_TOOLS].sort(),
    );
    for (const tool of patternTools) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
      expect(tool.inputSchema.type).toBe('object');
    }
  });

  test('"who uses circuit-breaker" answers the same entities as the REST route, for the same user', async () => {
    const viaMcp = outputOf(
      await client.callTool({
        name: 'patterns.who-uses-pattern',
        arguments: { id: 'circuit-breaker' },
      }),
    );
    const viaRest = await (
      await fetch(`${backend}/api/patterns/v1/patterns/circuit-breaker/usage`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json();
    expect(viaMcp).toEqual(viaRest);
    expect(viaMcp.total).toBeGreaterThan(0);
    const refs = viaMcp.owners.flatMap(
      (o: { entities: Array<{ ref: string }> }) => o.entities.map(e => e.ref),
    );
    expect(refs).toContain('component:default/checkout-service');
  });

  test('the recommendation asks the next question, then answers the set', async () => {
    const first = outputOf(
      await client.callTool({
        name: 'patterns.recommend-patterns',
        arguments: {},
      }),
    );
    expect(first.complete).toBe(false);
    expect(first.nextQuestion).toMatchObject({
      concern: 'start',
      id: expect.any(String),
    });
    expect(first.nextQuestion.answers.length).toBeGreaterThan(1);

    const resilience = outputOf(
      await client.callTool({
        name: 'patterns.recommend-patterns',
        arguments: {
          concerns: ['resilience'],
          answers: [{ question: 'failure-kind', answer: 'Transient errors' }],
        },
      }),
    );
    expect(resilience.complete).toBe(true);
    expect(resilience.patterns[0]).toMatchObject({
      id: 'retry-with-backoff',
      role: 'primary',
    });
    expect(resilience.annotationLine).toMatch(
      /^system-design\/patterns: retry-with-backoff, /,
    );
  });

  test('bad input is a tool error that says what is wrong', async () => {
    const unknown = await client.callTool({
      name: 'patterns.who-uses-pattern',
      arguments: { id: 'circuit-braker' },
    });
    expect(unknown.isError).toBe(true);
    expect(unknown.content).toEqual([
      {
        type: 'text',
        text: 'NotFoundError: No pattern with id "circuit-braker"',
      },
    ]);

    const huge = await client.callTool({
      name: 'patterns.list-patterns',
      arguments: { query: 'retry '.repeat(2000) },
    });
    expect(huge.isError).toBe(true);
    expect(huge.content).toEqual([
      {
        type: 'text',
        text: 'InputError: query is 12,000 characters long; at most 200 are accepted',
      },
    ]);
  });

  test('refuses a client without a token: 401', async () => {
    const response = await fetch(mcpUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'anonymous', version: '0' },
        },
      }),
    });
    expect(response.status).toBe(401);
    await expect(connect()).rejects.toThrow(/401|Unauthorized|authentication/i);
  });
});
