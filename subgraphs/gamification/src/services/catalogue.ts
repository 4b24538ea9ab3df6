// Operations manage partner companies, categories and coupons (each change audited, platform/audit); every signed-in
// user reads the catalogue.
import { auditEvent } from '../../../../platform/audit/index.js';
import type { Viewer } from '../../../../platform/auth/index.js';
import type { EventJson } from '../../../../platform/events/catalogue.js';
import { isUuid, afterCursorWhere, newestFirst, readPageArgs, toConnection, type Connection, type PageArgs } from '../../../../platform/graphql/index.js';
import type { CouponFilterInput, CreateCouponInput, UpdateCouponInput } from '../generated/resolvers-types.js';
import type { GamificationPrisma } from '../store/database.js';
import type { Coupon, CouponCategory, CouponRedemption, PartnerCompany, Prisma } from '../store/prisma/client.js';
import { MAX_POINTS, textProblem, userError, type LoyaltyUserError } from './user-errors.js';

const MAX_STOCK = 1_000_000;
const MAX_PER_USER = 1_000;

interface CouponValues {
  title: string;
  description: string | null;
  pointsPrice: number;
  stock: number;
  perUserLimit: number;
  validFrom: Date;
  validUntil: Date;
}

/** What an audit entry shows of a coupon's values (instants as ISO strings). */
function couponJson(values: Record<string, string | number | Date | null | undefined>): EventJson {
  const json: Record<string, EventJson> = {};
  for (const [field, value] of Object.entries(values)) {
    if (value !== undefined) json[field] = value instanceof Date ? value.toISOString() : value;
  }
  return json;
}

function couponProblem(values: CouponValues): LoyaltyUserError | null {
  const f = (name: string) => ['input', name];
  return (
    textProblem(values.title, 200, 'INVALID_COUPON', f('title')) ??
    (values.description !== null && values.description.length > 2000
      ? userError('INVALID_COUPON', 'description must be at most 2,000 characters', f('description'))
      : null) ??
    (!Number.isInteger(values.pointsPrice) || values.pointsPrice < 1 || values.pointsPrice > MAX_POINTS
      ? userError('INVALID_POINTS', `pointsPrice must be a whole number from 1 to ${MAX_POINTS}`, f('pointsPrice'))
      : null) ??
    (!Number.isInteger(values.stock) || values.stock < 0 || values.stock > MAX_STOCK
      ? userError('INVALID_COUPON', `stock must be 0 to ${MAX_STOCK}`, f('stock'))
      : null) ??
    (!Number.isInteger(values.perUserLimit) || values.perUserLimit < 1 || values.perUserLimit > MAX_PER_USER
      ? userError('INVALID_COUPON', `perUserLimit must be 1 to ${MAX_PER_USER}`, f('perUserLimit'))
      : null) ??
    (values.validUntil.getTime() <= values.validFrom.getTime() ? userError('INVALID_COUPON', 'validUntil must be after validFrom', f('validUntil')) : null)
  );
}

export function createCatalogueService(prisma: GamificationPrisma, wakeRelay: () => void) {
  async function createNamed(
    viewer: Viewer,
    kind: 'company' | 'category',
    name: string,
  ): Promise<{ row: PartnerCompany | CouponCategory | null; userErrors: LoyaltyUserError[] }> {
    const problem = textProblem(name, 200, 'INVALID_NAME', ['name']);
    if (problem) return { row: null, userErrors: [problem] };
    const data = { name: name.trim() };
    const result = await prisma.$transaction(async (tx) => {
      // ON CONFLICT through createMany: a taken name is an input problem, not a failed transaction.
      const { count } =
        kind === 'company'
          ? await tx.partnerCompany.createMany({ data, skipDuplicates: true })
          : await tx.couponCategory.createMany({ data, skipDuplicates: true });
      if (count === 0) return { row: null, userErrors: [userError('INVALID_NAME', `${data.name} is taken`, ['name'])] };
      const row = kind === 'company' ? await tx.partnerCompany.findUniqueOrThrow({ where: data }) : await tx.couponCategory.findUniqueOrThrow({ where: data });
      await tx.outboxEvent.create({
        data: auditEvent('gamification', viewer, {
          action: kind === 'company' ? 'partner_company.create' : 'coupon_category.create',
          target: { type: kind === 'company' ? 'PartnerCompany' : 'CouponCategory', id: row.id },
          after: { name: row.name },
        }) as never,
      });
      return { row, userErrors: [] };
    });
    if (result.row) wakeRelay();
    return result;
  }

  return {
    async createCompany(viewer: Viewer, name: string) {
      const { row, userErrors } = await createNamed(viewer, 'company', name);
      return { company: row, userErrors };
    },
    async createCategory(viewer: Viewer, name: string) {
      const { row, userErrors } = await createNamed(viewer, 'category', name);
      return { category: row, userErrors };
    },
    companies: () => prisma.partnerCompany.findMany({ orderBy: [{ name: 'asc' }] }),
    categories: () => prisma.couponCategory.findMany({ orderBy: [{ name: 'asc' }] }),

    async createCoupon(viewer: Viewer, input: CreateCouponInput): Promise<{ coupon: Coupon | null; userErrors: LoyaltyUserError[] }> {
      const values: CouponValues = {
        title: input.title,
        description: input.description ?? null,
        pointsPrice: input.pointsPrice,
        stock: input.stock,
        perUserLimit: input.perUserLimit ?? 1,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
      };
      const problem = couponProblem(values);
      if (problem) return { coupon: null, userErrors: [problem] };
      if (!isUuid(input.companyId) || !(await prisma.partnerCompany.findUnique({ where: { id: input.companyId }, select: { id: true } }))) {
        return { coupon: null, userErrors: [userError('COMPANY_NOT_FOUND', 'no such partner company', ['input', 'companyId'])] };
      }
      if (!isUuid(input.categoryId) || !(await prisma.couponCategory.findUnique({ where: { id: input.categoryId }, select: { id: true } }))) {
        return { coupon: null, userErrors: [userError('CATEGORY_NOT_FOUND', 'no such coupon category', ['input', 'categoryId'])] };
      }
      const data = { ...values, title: values.title.trim(), companyId: input.companyId, categoryId: input.categoryId };
      const coupon = await prisma.$transaction(async (tx) => {
        const created = await tx.coupon.create({ data });
        await tx.outboxEvent.create({
          data: auditEvent('gamification', viewer, { action: 'coupon.create', target: { type: 'Coupon', id: created.id }, after: couponJson(data) }) as never,
        });
        return created;
      });
      wakeRelay();
      return { coupon, userErrors: [] };
    },

    async updateCoupon(viewer: Viewer, id: string, input: UpdateCouponInput): Promise<{ coupon: Coupon | null; userErrors: LoyaltyUserError[] }> {
      const result = await prisma.$transaction(async (tx) => {
        // Row lock: a redemption's stock update waits for this change, or this one for it.
        const rows = isUuid(id) ? await tx.$queryRawUnsafe<{ id: string }[]>(`select id from "gamification".coupons where id = $1::uuid for update`, id) : [];
        const current = rows.length ? await tx.coupon.findUnique({ where: { id } }) : null;
        if (!current) return { coupon: null, userErrors: [userError('COUPON_NOT_FOUND', 'no such coupon', ['id'])] };
        const values: CouponValues = {
          title: input.title ?? current.title,
          description: input.description === undefined ? current.description : input.description,
          pointsPrice: input.pointsPrice ?? current.pointsPrice,
          stock: input.stock ?? current.stock,
          perUserLimit: input.perUserLimit ?? current.perUserLimit,
          validFrom: input.validFrom ?? current.validFrom,
          validUntil: input.validUntil ?? current.validUntil,
        };
        const problem = couponProblem(values);
        if (problem) return { coupon: null, userErrors: [problem] };
        const coupon = await tx.coupon.update({ where: { id }, data: { ...values, title: values.title.trim() } });
        // Only the fields given: their values before and after.
        const given = (Object.keys(values) as (keyof CouponValues)[]).filter((field) => input[field] !== undefined);
        const pick = (row: CouponValues) => couponJson(Object.fromEntries(given.map((field) => [field, row[field]])));
        await tx.outboxEvent.create({
          data: auditEvent('gamification', viewer, {
            action: 'coupon.update',
            target: { type: 'Coupon', id },
            before: pick(current),
            after: pick(coupon),
          }) as never,
        });
        return { coupon, userErrors: [] };
      });
      if (result.coupon) wakeRelay();
      return result;
    },

    async coupons(filter: CouponFilterInput | null | undefined, args: PageArgs): Promise<Connection<Coupon>> {
      const page = readPageArgs(args);
      for (const field of ['companyId', 'categoryId'] as const) {
        const value = filter?.[field];
        if (value && !isUuid(value)) return toConnection([], page, (row: Coupon) => ({ at: row.createdAt, id: row.id }));
      }
      const now = new Date();
      const where: Prisma.CouponWhereInput = {
        ...(filter?.companyId ? { companyId: filter.companyId } : {}),
        ...(filter?.categoryId ? { categoryId: filter.categoryId } : {}),
        ...(filter?.availableOnly === false ? {} : { stock: { gt: 0 }, validFrom: { lte: now }, validUntil: { gt: now } }),
        ...afterCursorWhere(page.after),
      };
      const rows = await prisma.coupon.findMany({ where, orderBy: newestFirst(), take: page.take + 1 });
      return toConnection(rows, page, (row) => ({ at: row.createdAt, id: row.id }));
    },

    coupon: (id: string) => (isUuid(id) ? prisma.coupon.findUnique({ where: { id } }) : Promise.resolve(null)),

    /** A coupon's redemptions, newest first (staff; a user's own go through the paged loader). */
    async redemptions(couponId: string, args: PageArgs): Promise<Connection<CouponRedemption>> {
      const page = readPageArgs(args);
      if (!isUuid(couponId)) return toConnection([], page, (row: CouponRedemption) => ({ at: row.createdAt, id: row.id }));
      const rows = await prisma.couponRedemption.findMany({
        where: { couponId, ...afterCursorWhere(page.after) },
        orderBy: newestFirst(),
        take: page.take + 1,
      });
      return toConnection(rows, page, (row) => ({ at: row.createdAt, id: row.id }));
    },
  };
}
