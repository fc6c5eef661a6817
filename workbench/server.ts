// `npm start`: the workbench on 127.0.0.1 (PORT, default 8080) with a demo shop.
import { startWorkbench } from './app';

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const seed = process.env.SEED ? Number(process.env.SEED) : 1;
  // The demo shop has a few postings Ozon needs data for before packing, as a real shop does.
  const workbench = await startWorkbench({ port, seed, complianceRate: 0.05, fbp: 12 });
  console.log(`Ozon Order Desk workbench (demo shop, seed ${seed}): ${workbench.url}`);
  const stop = (): void => {
    void workbench.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
