// lazySchema: a schema is built when first used, once, and then behaves as the schema itself (alone,
// as a field of another schema, through zod's own type checks).
import * as z from 'zod';
import { lazySchema } from '../../../src/shared/lazy-schema';

test('nothing is built until the schema is used, then once', () => {
  let builds = 0;
  const Item = lazySchema(() => {
    builds++;
    return z.object({ id: z.string().min(1), qty: z.number().int() });
  });
  const Order = lazySchema(() => z.object({ items: z.array(Item) }));
  expect(builds).toBe(0);
  expect(Order.parse({ items: [{ id: 'a', qty: 2 }] })).toEqual({ items: [{ id: 'a', qty: 2 }] });
  expect(Order.safeParse({ items: [{ id: '', qty: 2 }] }).success).toBe(false);
  expect(Item.parse({ id: 'b', qty: 1, extra: true })).toEqual({ id: 'b', qty: 1 });
  expect(builds).toBe(1);
});

test('a lazy schema is a zod schema: its shape, pick, instanceof and keys', () => {
  const Input = lazySchema(() => z.object({ clientId: z.string(), apiKey: z.string().optional() }));
  expect(Input instanceof z.ZodObject).toBe(true);
  expect(Object.keys(Input.shape)).toEqual(['clientId', 'apiKey']);
  expect(Input.pick({ clientId: true }).strict().safeParse({ clientId: '1', apiKey: 'x' }).success).toBe(
    false,
  );
  expect('parse' in Input).toBe(true);
  expect(z.string().or(Input).parse({ clientId: '7' })).toEqual({ clientId: '7' });
});
