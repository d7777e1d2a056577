// TypeScript CommonJS consumer (`require` condition → dist/cjs/*.d.ts), type-checked under NodeNext
// by test/package/consumer.test.ts. Never run.
import shellev = require('shellev');
import node = require('shellev/node');

const client = new shellev.ShellevClient({
  clientCredentialsAuthCredentials: new shellev.ClientCredentialsAuthCredentials({
    oAuthClientId: 'id',
    oAuthClientSecret: 'secret',
    tokenStore: new node.FileTokenStore('/tmp/tokens.json'),
  }),
});

async function main(): Promise<shellev.ActiveResponse200Json> {
  return client.charging.active({ requestId: '123e4567-e89b-12d3-a456-426614174000', emaId: 'NL-TNM-C00122045-K' });
}
void main;
