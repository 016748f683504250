import { JwtService } from '@nestjs/jwt';
import { DEMO_USERS } from '@pharmacy/identity';
import { DataSource } from 'typeorm';
import { startStack, Stack } from '../support/stack';
import {
  signTestToken,
  TEST_JWT_AUDIENCE,
  TEST_JWT_ISSUER,
  TEST_JWT_SECRET,
} from '../support/tokens';

const NEW_SECRET = 'rotated-key-material-0123456789-abcdefghij';

describe('Bearer tokens across a key rotation, and for a deactivated user', () => {
  let stack: Stack;
  let db: DataSource;

  beforeAll(async () => {
    // Mid-rotation: k2 signs, k1 (the old key) still verifies what it signed.
    stack = await startStack(
      {
        JWT_SECRET: NEW_SECRET,
        JWT_KEY_ID: 'k2',
        JWT_PREVIOUS_KEYS: `k1:${TEST_JWT_SECRET}`,
        AUTH_USER_CACHE_MS: '0',
      },
      { worker: false },
    );
    db = stack.api.get(DataSource);
  });

  afterAll(async () => {
    await db.query('update users set active = true where id = $1', [DEMO_USERS.patient2.id]);
    await stack.close();
  });

  const orders = (token: string) =>
    stack.http.get('/api/orders').set('Authorization', `Bearer ${token}`);

  it('signs new tokens with the current key, naming it in kid', async () => {
    const token = await stack.token('patient1');
    const { header, payload } = new JwtService().decode<{ exp: number; iat: number }>(token, {
      complete: true,
    });
    expect(header).toMatchObject({ alg: 'HS256', kid: 'k2' });
    expect(payload).toMatchObject({ iss: TEST_JWT_ISSUER, aud: TEST_JWT_AUDIENCE });
    expect(payload.exp - payload.iat).toBe(3600);
    await orders(token).expect(200);
  });

  it('still accepts a token the previous key signed', async () => {
    await orders(signTestToken('patient1', {}, { keyid: 'k1' })).expect(200);
  });

  it('refuses a token that names one key but was signed with another', async () => {
    await orders(signTestToken('patient1', {}, { keyid: 'k2' })).expect(401);
  });

  it('refuses the tokens of a user once deactivated, and their dev login', async () => {
    const token = await stack.token('patient2');
    await orders(token).expect(200);

    await db.query('update users set active = false where id = $1', [DEMO_USERS.patient2.id]);

    await orders(token).expect(401);
    await stack.http
      .post('/api/auth/dev-login')
      .send({ email: DEMO_USERS.patient2.email })
      .expect(401);
  });
});
