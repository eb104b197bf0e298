// Stable error codes of every cloud-function action, with the Chinese message the client shows and the HTTP status
// the local cloud answers with. A code is an API: never rename one, only add.

/** Error codes of certificate actions (part of ERROR_CODES; never renamed). */
export const CERTIFICATE_ERROR_CODES = {
  POINTS_NOT_FINAL: { status: 409, message: '积分尚未核定，或异议正在处理中，暂不能出具积分有效凭证' },
  CERTIFICATE_NOT_YET_AVAILABLE: { status: 409, message: '积分有效凭证须在积分核定满7个工作日后方可打印' },
  CERTIFICATE_REVOKED: { status: 409, message: '该积分有效凭证已被撤销' },
  CERTIFICATE_SUPERSEDED: { status: 409, message: '该积分有效凭证已被新凭证取代，请使用最新凭证' },
  POINTS_VETOED: { status: 409, message: '存在一票否决情形，不予出具积分有效凭证' },
} as const satisfies Record<string, { status: number; message: string }>;

/** Error codes of round, settlement and reminder actions (part of ERROR_CODES; never renamed). */
export const ROUND_ERROR_CODES = {
  ROUND_EXISTS: { status: 409, message: '该年度批次已开放' },
  ROUND_NOT_FOUND: { status: 404, message: '该年度批次尚未开放' },
  ROUND_PUBLISHED: { status: 409, message: '该年度名单已公布，不能再调整' },
  LINE_NOT_SET: { status: 409, message: '尚未设定录取分数线' },
  SETTLEMENT_NOT_OPEN: {
    status: 409,
    message: '积分落户申请受理时间为每年11月1日至11月30日（节假日除外），当前不在受理时间内',
  },
  SETTLEMENT_NOT_ELIGIBLE: { status: 409, message: '不符合积分落户申请的基本条件' },
  CERTIFICATE_REQUIRED: { status: 409, message: '请先取得本年度有效的积分有效凭证' },
  ADMISSION_NOTICE_EXPIRED: { status: 409, message: '积分落户准入通知书已过有效期（60天）' },
  OBJECTIONS_PENDING: { status: 409, message: '尚有积分落户申请人的积分异议未答复，积分确认后方可公布名单' },
} as const satisfies Record<string, { status: number; message: string }>;

export const ERROR_CODES = {
  ...CERTIFICATE_ERROR_CODES,
  ...ROUND_ERROR_CODES,
  // Answered by the local cloud's HTTP layer before any function runs.
  BAD_JSON: { status: 400, message: '请求内容不是有效的 JSON 对象' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大（上限 8MB），请压缩材料后重试' },
  VALIDATION_FAILED: { status: 400, message: '填写的信息有误，请检查后重试' },
  COMMITMENT_REQUIRED: { status: 400, message: '请阅读并勾选《个人承诺书》后再提交' },
  INVALID_ID_NUMBER: { status: 400, message: '身份证号码无效（校验位不符或日期错误）' },
  FILE_TOO_LARGE: { status: 400, message: '文件过大：单个材料不得超过4MB' },
  FILE_TYPE_NOT_ALLOWED: { status: 400, message: '仅支持JPEG、PNG图片或PDF文件' },
  FILE_EMPTY: { status: 400, message: '文件内容为空或编码错误' },
  FILE_NOT_UPLOADED: { status: 409, message: '未收到文件内容，请重新上传' },
  UPLOAD_EXPIRED: { status: 409, message: '上传已超时，请重新选择文件上传' },
  UNAUTHENTICATED: { status: 401, message: '未获取到微信身份，请重新进入小程序' },
  NOT_REGISTERED: { status: 403, message: '请先完成实名登记' },
  FORBIDDEN: { status: 403, message: '无权进行此操作' },
  DELEGATION_REQUIRED: { status: 403, message: '没有有效的委托或监护关系，不能代为办理' },
  DELEGATION_NOT_ALLOWED: {
    status: 403,
    message: '该关系不符合代办条件（仅限16周岁以下未成年人、老年人或残疾人的监护人或近亲属）',
  },
  NOT_FOUND: { status: 404, message: '记录不存在或无权查看' },
  UNKNOWN_FUNCTION: { status: 404, message: '不支持的服务' },
  UNKNOWN_ACTION: { status: 404, message: '不支持的操作' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  ALREADY_REGISTERED: { status: 409, message: '该微信账号已完成实名登记' },
  // Privacy (个人信息保护法): consent at registration, account deletion.
  PRIVACY_CONSENT_REQUIRED: { status: 400, message: '请阅读并同意《隐私政策》后再进行实名登记' },
  ACCOUNT_HAS_APPLICATIONS: {
    status: 409,
    message: '您已提交过积分申请，相关记录须依规保存，暂不能注销账号；如需更正个人信息，请联系区积分受理点',
  },
  ACCOUNT_IN_USE: { status: 409, message: '请先解除代办、监护或委托关系，再注销账号' },
  ID_NUMBER_TAKEN: { status: 409, message: '该身份证号码已登记' },
  ALREADY_SUBMITTED: { status: 409, message: '已提交，不能重复提交或修改' },
  INVALID_STATE: { status: 409, message: '当前状态下不能进行此操作' },
  WINDOW_CLOSED: { status: 409, message: '已超过办理期限' },
  ROUND_NOT_OPEN: { status: 409, message: '该年度积分申请尚未开放或已结束' },
  CALENDAR_UNKNOWN: { status: 409, message: '该年度法定节假日安排尚未公布，暂无法计算办理时限' },
  // A stored date or time the calendar cannot read (only hand-edited or pre-validation data: inputs are checked).
  STORED_DATE_INVALID: { status: 409, message: '记录中的日期有误，暂时无法办理，请联系管理员核对更正' },
  RESULT_NOT_PUBLISHED: { status: 409, message: '积分结果尚未公布' },
  REQUEST_ID_REUSED: { status: 409, message: '重复的请求编号对应了不同的内容，请刷新后重试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  // Roster import (roster.import): a file that is not a usable roster stores nothing.
  ROSTER_NOT_A_ROSTER: {
    status: 400,
    message: '无法识别为员工名单：请使用名单模板（须含姓名、身份证号码、手机号码列）',
  },
  ROSTER_NO_VALID_ROWS: { status: 400, message: '名单中没有可导入的行，请按提示更正后重新上传' },
  ROSTER_TOO_MANY_ROWS: { status: 400, message: '名单行数过多：一次最多导入5000人，请分批上传' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function errorMessage(code: ErrorCode): string {
  return ERROR_CODES[code].message;
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
