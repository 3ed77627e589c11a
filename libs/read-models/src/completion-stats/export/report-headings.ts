/**
 * Column headings of the completion report in English (machine-friendly snake_case, the CSV's historic header) and in
 * Vietnamese (the terms of the statistics forms, docs/domain.md). One table serves the CSV (`lang=vi`) and
 * the XLSX form, so the two never drift apart. docs/statistics.md "Exports" says which columns are open questions.
 */
import type { ReportingOfficeTier } from '@thads/domain';
import type { CompletionFigures, StatisticsRegime } from '../statistics';

export type ReportLanguage = 'en' | 'vi';
export const REPORT_LANGUAGES: readonly ReportLanguage[] = ['en', 'vi'];

export interface FigureColumn {
  readonly field: Exclude<keyof CompletionFigures, 'byMode'>;
  readonly en: string;
  readonly vi: string;
  /** A percentage ("56.87"), not a count or an amount. */
  readonly percent?: true;
  /** Only in the three-way split of TT 06/2019 on (hoãn, tạm đình chỉ is its own bucket). */
  readonly threeWayOnly?: true;
  /** Why the column's exact definition is an open question, where it is one (shown as a note on the sheet). */
  readonly openQuestion?: string;
}

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { field: 'carriedOver', en: 'carried_over', vi: 'Năm trước chuyển sang' },
  { field: 'movedToSeparateRegister', en: 'moved_to_separate_register', vi: 'Chuyển sổ theo dõi riêng' },
  { field: 'newlyReceived', en: 'newly_received', vi: 'Thụ lý mới' },
  { field: 'entrustedOut', en: 'entrusted_out', vi: 'Ủy thác đi' },
  {
    field: 'takenUp',
    en: 'taken_up',
    vi: 'Rút lên thi hành',
    openQuestion:
      'Việc do cơ quan THADS cấp tỉnh rút lên (Điều 35 khoản 2 Luật 2008): trừ ở đơn vị có việc; cấp tỉnh tính là thụ lý mới khi ra quyết định của mình (cách hiểu của hệ thống, chưa đối chiếu với biểu mẫu).',
  },
  { field: 'toEnforce', en: 'to_enforce', vi: 'Tổng số phải thi hành' },
  {
    field: 'enforceable',
    en: 'enforceable',
    vi: 'Có điều kiện thi hành',
    openQuestion:
      'Thành phần chính xác của "có điều kiện" theo biểu mẫu chưa được xác minh (câu hỏi mở Q2); ở đây = thi hành xong + đình chỉ + đang thi hành (+ hoãn, tạm đình chỉ theo TT 08/2015).',
  },
  { field: 'notEnforceable', en: 'not_enforceable', vi: 'Chưa có điều kiện thi hành' },
  { field: 'postponedOrSuspended', en: 'postponed_or_suspended', vi: 'Hoãn, tạm đình chỉ', threeWayOnly: true },
  {
    field: 'completed',
    en: 'completed',
    vi: 'Giải quyết xong',
    openQuestion:
      'Giải quyết xong = thi hành xong + đình chỉ (định nghĩa của GSO). Tính bằng tiền: việc giảm, miễn có được tính hay không chưa rõ (câu hỏi mở Q2).',
  },
  { field: 'fullyEnforced', en: 'fully_enforced', vi: 'Thi hành xong' },
  { field: 'terminated', en: 'terminated', vi: 'Đình chỉ thi hành' },
  { field: 'inProgress', en: 'in_progress', vi: 'Đang thi hành' },
  { field: 'carriedToNext', en: 'carried_to_next', vi: 'Chuyển kỳ sau' },
  { field: 'completionRate', en: 'completion_rate', vi: 'Tỷ lệ giải quyết xong (%)', percent: true },
  { field: 'enforceableShare', en: 'enforceable_share', vi: 'Tỷ lệ có điều kiện (%)', percent: true },
];

/** The figure columns a regime's forms show. */
export function figureColumnsOf(regime: StatisticsRegime): readonly FigureColumn[] {
  return FIGURE_COLUMNS.filter((column) => !column.threeWayOnly || regime.split === 'THREE_WAY');
}

/** Headings of the CSV's descriptive columns, in column order. */
export const LEAD_HEADINGS = {
  period: { en: 'period', vi: 'Kỳ báo cáo' },
  reportingYear: { en: 'reporting_year', vi: 'Năm báo cáo' },
  regime: { en: 'regime', vi: 'Chế độ báo cáo' },
  position: { en: 'position', vi: 'Vị trí nhật ký sự kiện' },
  asOf: { en: 'as_of', vi: 'Số liệu ghi nhận đến ngày' },
  officeId: { en: 'office_id', vi: 'Mã đơn vị' },
  officeName: { en: 'office_name', vi: 'Tên đơn vị' },
  tier: { en: 'tier', vi: 'Cấp' },
  scope: { en: 'scope', vi: 'Phạm vi' },
  closed: { en: 'closed', vi: 'Đã khóa sổ' },
  kind: { en: 'kind', vi: 'Loại dòng' },
  measure: { en: 'measure', vi: 'Tính bằng' },
} as const;

export const TAIL_HEADINGS = {
  target: { en: 'target', vi: 'Chỉ tiêu được giao (%)' },
  gap: { en: 'gap', vi: 'So với chỉ tiêu (%)' },
  adjustmentAppliesTo: { en: 'adjustment_applies_to', vi: 'Điều chỉnh cho kỳ' },
} as const;

/** Values of the enumerated columns, as the Vietnamese variant writes them. */
export const VIETNAMESE_VALUES: Readonly<Record<string, string>> = {
  OFFICE: 'Riêng đơn vị',
  ROLL_UP: 'Tổng hợp',
  FIGURES: 'Số liệu',
  ADJUSTMENT: 'Điều chỉnh',
  CASES: 'Việc',
  MONEY: 'Tiền (đồng)',
  true: 'Có',
  false: 'Không',
  GENERAL_DEPARTMENT: 'Tổng cục THADS',
  PROVINCE: 'Cục THADS tỉnh',
  DISTRICT: 'Chi cục THADS huyện',
  REGIONAL: 'Phòng THADS khu vực',
} satisfies Partial<
  Record<
    ReportingOfficeTier | 'true' | 'false' | 'OFFICE' | 'ROLL_UP' | 'FIGURES' | 'ADJUSTMENT' | 'CASES' | 'MONEY',
    string
  >
>;

/**
 * The form a period is reported on. The figures follow the regime of the reporting year (statisticsRegimeFor); from
 * 1 July 2026 the national forms are the annex of Decree 152/2026, whose columns are not known yet (Q7): the TT 05/2024
 * columns are kept and the sheet says so.
 */
export function formBasisOf(regime: StatisticsRegime, periodEndsOn: string): { title: string; columnsKnown: boolean } {
  if (periodEndsOn >= '2026-07-01')
    return { title: 'Phụ lục Nghị định 152/2026/NĐ-CP (cột theo TT 05/2024/TT-BTP)', columnsKnown: false };
  const titles: Record<StatisticsRegime['id'], string> = {
    TT_08_2015: 'Thông tư 08/2015/TT-BTP',
    TT_06_2019: 'Thông tư 06/2019/TT-BTP',
    TT_05_2024: 'Thông tư 05/2024/TT-BTP',
  };
  return { title: titles[regime.id], columnsKnown: regime.id !== 'TT_05_2024' };
}
