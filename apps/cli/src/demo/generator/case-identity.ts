/**
 * Who and what a generated case is about: the judgment, the parties and the obligation items, in the words a Vietnamese
 * enforcement file uses. Invented but plausible: common family names, banks and companies, court codes by kind of
 * case, ex-officio state-budget items (court fees, fines, illicit gains) beside creditors' claims (docs/domain.md).
 */
import {
  addCalendarDays,
  type EnforcementMode,
  type JudgmentReference,
  type LocalDate,
  type ObligationItemInput,
  type ObligationKind,
  type Party,
} from '@thads/domain';
import type { SeededRandom } from './seeded-random';

export interface CaseIdentity {
  readonly mode: EnforcementMode;
  readonly judgment: JudgmentReference;
  readonly parties: readonly Party[];
  readonly obligations: readonly ObligationItemInput[];
  /** The creditor paid on private items; absent when every item goes to the state budget. */
  readonly creditorPartyId?: string;
  readonly debtorIsOrganisation: boolean;
}

const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lương',
  'Phan',
  'Đinh',
  'Mạc',
];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Hữu', 'Thanh', 'Xuân'];
const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
  'Khoa',
];
const STREETS = [
  'Lạch Tray',
  'Lê Lợi',
  'Trần Phú',
  'Điện Biên Phủ',
  'Tô Hiệu',
  'Văn Cao',
  'Nguyễn Văn Linh',
  'Lê Thánh Tông',
  'Hoàng Văn Thụ',
  'Cầu Đất',
  'Trần Nguyên Hãn',
  'Hai Bà Trưng',
];
const BANKS = [
  'Ngân hàng TMCP Hàng Hải Việt Nam',
  'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam',
  'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam',
  'Ngân hàng TMCP Công Thương Việt Nam',
  'Ngân hàng TMCP Quân đội',
  'Ngân hàng TMCP Sài Gòn Thương Tín',
];
const COMPANY_TRADES = [
  'Thương mại Vận tải biển',
  'Xây dựng và Thương mại',
  'Logistics',
  'Thép',
  'Thủy sản',
  'Đóng tàu',
  'Bất động sản',
];

/** Court-record codes by kind of case: criminal (HS), civil (DS), business (KDTM), family (HNGĐ), labour (LĐ). */
const KINDS: Record<
  ObligationKind,
  { readonly code: string; readonly description: string; readonly stateBudget: boolean }
> = {
  COURT_FEE: { code: 'DS-ST', description: 'Án phí dân sự sơ thẩm', stateBudget: true },
  FINE: { code: 'HS-ST', description: 'Phạt tiền bổ sung', stateBudget: true },
  ILLICIT_GAINS: { code: 'HS-ST', description: 'Truy thu số tiền thu lợi bất chính', stateBudget: true },
  CONFISCATION: { code: 'HS-ST', description: 'Tịch thu sung quỹ Nhà nước', stateBudget: true },
  STATE_COMPENSATION: { code: 'HS-PT', description: 'Bồi thường thiệt hại cho Nhà nước', stateBudget: true },
  MAINTENANCE: { code: 'HNGĐ-ST', description: 'Cấp dưỡng nuôi con', stateBudget: false },
  WAGES: { code: 'LĐ-ST', description: 'Trả lương và trợ cấp thôi việc', stateBudget: false },
  PERSONAL_INJURY_COMPENSATION: { code: 'HS-ST', description: 'Bồi thường thiệt hại về sức khỏe', stateBudget: false },
  DEBT: { code: 'KDTM-ST', description: 'Trả nợ gốc theo hợp đồng tín dụng', stateBudget: false },
  CIVIL_COMPENSATION: { code: 'DS-ST', description: 'Bồi thường thiệt hại ngoài hợp đồng', stateBudget: false },
  RETURN_OF_PROPERTY: { code: 'DS-ST', description: 'Trả lại tài sản (xe ô tô)', stateBudget: false },
  OTHER: { code: 'DS-ST', description: 'Thực hiện nghĩa vụ khác theo bản án', stateBudget: false },
};

/** True when the item goes to the state budget (ex officio, Art. 36(2)). */
export function isStateBudgetKind(kind: ObligationKind): boolean {
  return KINDS[kind].stateBudget;
}

/** A kind of obligation fitting the amount: fees and fines are small, bank debts and state compensation large. */
function kindFor(random: SeededRandom, amount: bigint): ObligationKind {
  if (amount === 0n) return 'RETURN_OF_PROPERTY';
  if (amount < 10_000_000n)
    return random.weighted<ObligationKind>([
      ['COURT_FEE', 5],
      ['FINE', 3],
      ['MAINTENANCE', 1],
      ['CIVIL_COMPENSATION', 1],
    ]);
  if (amount < 500_000_000n) {
    return random.weighted<ObligationKind>([
      ['DEBT', 4],
      ['CIVIL_COMPENSATION', 2],
      ['ILLICIT_GAINS', 1],
      ['PERSONAL_INJURY_COMPENSATION', 1],
      ['WAGES', 1],
      ['FINE', 1],
    ]);
  }
  return random.weighted<ObligationKind>([
    ['DEBT', 6],
    ['STATE_COMPENSATION', 2],
    ['ILLICIT_GAINS', 1],
    ['CIVIL_COMPENSATION', 1],
  ]);
}

/**
 * A case of `amount` VND received on `receivedOn` by an office of `area` ("quận Ngô Quyền, thành phố Hải Phòng");
 * `mode`, when given, forces an obligation of that kind (an on-request case to send back, an ex officio one for the
 * separate register under Law 106/2025).
 */
export function caseIdentity(
  random: SeededRandom,
  amount: bigint,
  area: string,
  receivedOn: LocalDate,
  mode?: EnforcementMode,
): CaseIdentity {
  const drawn = kindFor(random, amount);
  const kind =
    mode === undefined || isStateBudgetKind(drawn) === (mode === 'EX_OFFICIO')
      ? drawn
      : mode === 'EX_OFFICIO'
        ? amount < 10_000_000n
          ? 'COURT_FEE'
          : 'STATE_COMPENSATION'
        : amount === 0n
          ? 'RETURN_OF_PROPERTY'
          : 'CIVIL_COMPENSATION';
  const stateBudget = isStateBudgetKind(kind);
  const obligations = obligationItems(random, kind, amount);
  const debtorIsOrganisation = !stateBudget && kind === 'DEBT' && random.chance(0.3);
  const debtor: Party = debtorIsOrganisation
    ? {
        partyId: 'debtor-1',
        role: 'DEBTOR',
        kind: 'ORGANISATION',
        name: companyName(random),
        address: address(random, area),
      }
    : { partyId: 'debtor-1', role: 'DEBTOR', kind: 'PERSON', name: personName(random), address: address(random, area) };
  const creditor: Party | undefined = stateBudget
    ? undefined
    : kind === 'DEBT'
      ? { partyId: 'creditor-1', role: 'CREDITOR', kind: 'ORGANISATION', name: random.pick(BANKS) }
      : {
          partyId: 'creditor-1',
          role: 'CREDITOR',
          kind: 'PERSON',
          name: personName(random),
          address: address(random, area),
        };
  const issuedOn = addCalendarDays(receivedOn, -random.integer(45, 240));
  const judgment: JudgmentReference = {
    number: `${random.integer(1, 320)}/${issuedOn.slice(0, 4)}/${KINDS[kind].code}`,
    court: `Tòa án nhân dân ${area.split(',')[0].trim()}`,
    issuedOn,
    legallyEffectiveOn: addCalendarDays(issuedOn, random.integer(15, 40)),
  };
  return {
    // Ex-officio items need no request (Art. 36(2)); everything else comes on the creditor's request (Art. 30–31).
    mode: stateBudget ? 'EX_OFFICIO' : 'ON_REQUEST',
    judgment,
    parties: creditor ? [creditor, debtor] : [debtor],
    obligations,
    ...(creditor && { creditorPartyId: creditor.partyId }),
    debtorIsOrganisation,
  };
}

/** One item, or for a larger debt the principal and the late-payment interest (lãi chậm thi hành án). */
function obligationItems(random: SeededRandom, kind: ObligationKind, amount: bigint): ObligationItemInput[] {
  const { description } = KINDS[kind];
  if (kind !== 'DEBT' || amount < 50_000_000n || !random.chance(0.35))
    return [{ itemId: 'item-1', kind, description, amount }];
  const interest = (amount * BigInt(random.integer(5, 15))) / 100n;
  return [
    { itemId: 'item-1', kind, description, amount: amount - interest },
    { itemId: 'item-2', kind, description: 'Lãi chậm thi hành án', amount: interest },
  ];
}

function personName(random: SeededRandom): string {
  return `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
}

function companyName(random: SeededRandom): string {
  return `Công ty TNHH ${random.pick(COMPANY_TRADES)} ${random.pick(GIVEN_NAMES)} ${random.pick(['Phát', 'Thịnh', 'Hưng', 'Long'])}`;
}

function address(random: SeededRandom, area: string): string {
  return `Số ${random.integer(1, 450)} ${random.pick(STREETS)}, ${area}`;
}
