// Splitting a posting into packages: every unit of every line goes into exactly one package. Checked
// here before Ozon is asked, so the seller reads which line does not add up.
import { AppError } from '../errors';

export interface PackageLine {
  sku: string;
  offerId: string;
  quantity: number;
}

export interface PackageRequest {
  items: { sku: string; quantity: number }[];
}

/** Ozon's ship body: product_id is the SKU. */
export interface OzonPackage {
  products: { product_id: number; quantity: number }[];
}

export function planPackages(
  posting: string,
  lines: readonly PackageLine[],
  packages: readonly PackageRequest[],
): OzonPackage[] {
  const bySku = new Map(lines.map((l) => [l.sku, l]));
  const packed = new Map<string, number>();
  const out: OzonPackage[] = [];
  for (const pkg of packages) {
    const products: OzonPackage['products'] = [];
    const inThis = new Map<string, number>();
    for (const item of pkg.items) {
      if (item.quantity === 0) continue;
      const line = bySku.get(item.sku);
      if (!line)
        throw new AppError('desk.package.sku', 'error.desk.package.unknownSku', { sku: item.sku, posting });
      if (!Number.isInteger(item.quantity) || item.quantity < 0)
        throw new AppError('desk.package.quantity', 'error.desk.package.quantity', {}, 'packages');
      inThis.set(item.sku, (inThis.get(item.sku) ?? 0) + item.quantity);
      packed.set(item.sku, (packed.get(item.sku) ?? 0) + item.quantity);
    }
    // Drop packages left empty (a seller who chose three packages but filled two).
    if (!inThis.size) continue;
    for (const [sku, quantity] of inThis) products.push({ product_id: Number(sku), quantity });
    out.push({ products });
  }
  if (!out.length) throw new AppError('desk.package.empty', 'error.desk.package.empty', {}, 'packages');
  for (const line of lines) {
    const n = packed.get(line.sku) ?? 0;
    if (n !== line.quantity)
      throw new AppError(
        'desk.package.mismatch',
        'error.desk.package.mismatch',
        { offerId: line.offerId || line.sku, packed: n, ordered: line.quantity },
        'packages',
      );
  }
  return out;
}

/** Everything in one package. */
export function onePackage(lines: readonly PackageLine[]): PackageRequest[] {
  return [{ items: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) }];
}
