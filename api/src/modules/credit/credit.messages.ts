/** User-facing messages of the credit bank (merged into i18n/messages.ts). */
export const creditMessages = {
  // recording attendance / online progress
  OFFERING_NOT_CONFIRMED: {
    ko: '개설이 확정(CONFIRMED)되었거나 완료(COMPLETED)된 과정만 출석을 기록할 수 있습니다. 현재 상태: {status}',
    en: 'Attendance can only be recorded for a confirmed or completed offering. Current status: {status}',
  },
  LECTURE_NOT_STARTED: { ko: '강의가 아직 시작되지 않았습니다. 시작: {startsAt}', en: 'The lecture has not started yet. It starts at {startsAt}.' },
  ATTENDANCE_FOR_RECORDED: {
    ko: '녹화 강의는 출석 시간이 아니라 진도율과 점수로 기록합니다 (onlineProgressRecord).',
    en: 'A recorded lecture is recorded with progress and score (onlineProgressRecord), not minutes.',
  },
  PROGRESS_FOR_CLASSROOM: {
    ko: '대면·실시간 강의는 진도율이 아니라 출석 시간(분)으로 기록합니다 (attendanceRecord).',
    en: 'An in-person or live lecture is recorded with minutes attended (attendanceRecord), not progress.',
  },
  ENTRIES_EMPTY: { ko: '기록할 수강생이 없습니다.', en: 'There are no entries to record.' },
  ENTRIES_TOO_MANY: { ko: '한 번에 {max}명까지 기록할 수 있습니다.', en: 'At most {max} entries can be recorded at once.' },
  ENTRY_NOT_ENROLLED: { ko: '이 과정에 개설 확정된 수강 신청이 없는 공무원입니다: {who}', en: 'This servant has no confirmed registration in this offering: {who}' },
  ENTRY_DUPLICATE: { ko: '같은 공무원이 {line}번째 항목에도 있습니다: {who}', en: 'The same servant also appears in entry {line}: {who}' },
  ENTRY_OUT_OF_SCOPE: { ko: '관리 범위 밖의 공무원입니다: {who}', en: 'This servant is outside your scope: {who}' },
  MINUTES_RANGE: { ko: '출석 시간은 0분 이상 {max}분 이하의 정수여야 합니다.', en: 'Minutes attended must be a whole number from 0 to {max}.' },
  PROGRESS_RANGE: { ko: '진도율은 0 이상 100 이하(소수 둘째 자리까지)여야 합니다.', en: 'Progress must be between 0 and 100 (at most two decimals).' },
  SCORE_RANGE: { ko: '점수는 0 이상 100 이하(소수 둘째 자리까지)여야 합니다.', en: 'The score must be between 0 and 100 (at most two decimals).' },
  EMPLOYEE_NUMBER_UNKNOWN: { ko: '사번 {employeeNumber}인 공무원이 없습니다.', en: 'No servant has employee number {employeeNumber}.' },
  CSV_ATTENDANCE_COLUMNS: {
    ko: '필수 열이 없습니다: {columns} (사번과, 대면·실시간 강의는 출석시간(분), 녹화 강의는 진도율과 점수)',
    en: 'Required columns are missing: {columns} (employee number, and minutes attended for classroom/live lectures or progress and score for recorded ones)',
  },
  // completion notes (stored with the registration, shown to the servant)
  NOTE_ATTENDED_COMPLETED: { ko: '수료: 출석 {minutes}분 / 기준 {required}분({percent}%) 충족', en: 'Completed: attended {minutes} min / required {required} min ({percent}%)' },
  NOTE_ATTENDED_SHORT: { ko: '미수료: 출석 {minutes}분 / 기준 {required}분({percent}%) 미달', en: 'Not completed: attended {minutes} min, below the required {required} min ({percent}%)' },
  NOTE_NO_SHOW: { ko: '불참: 출석 기록 없음 (수료 기준 {required}분)', en: 'No-show: no attendance (completion needs {required} min)' },
  NOTE_ONLINE_COMPLETED: {
    ko: '수료: 진도율 {progress}%, 점수 {score}점 (기준 진도율 {progressRequired}%·점수 {scoreRequired}점)',
    en: 'Completed: progress {progress}%, score {score} (required {progressRequired}% and {scoreRequired})',
  },
  NOTE_ONLINE_SHORT_PROGRESS: { ko: '미수료: 진도율 {progress}% / 기준 {progressRequired}% 미달', en: 'Not completed: progress {progress}%, below {progressRequired}%' },
  NOTE_ONLINE_SHORT_SCORE: { ko: '미수료: 점수 {score}점 / 기준 {scoreRequired}점 미달', en: 'Not completed: score {score}, below {scoreRequired}' },
  NOTE_ONLINE_SHORT_BOTH: {
    ko: '미수료: 진도율 {progress}% / 기준 {progressRequired}% 미달, 점수 {score}점 / 기준 {scoreRequired}점 미달',
    en: 'Not completed: progress {progress}% below {progressRequired}%, score {score} below {scoreRequired}',
  },
  NOTE_ONLINE_NOT_STARTED: { ko: '불참: 학습 기록 없음 (진도율 0%)', en: 'No-show: no learning recorded (0% progress)' },
  NOTE_DUPLICATE_SUBJECT: { ko: '{note} — 같은 과목이 이미 인정되어(「{title}」, {date}) 학점은 부여하지 않음', en: '{note} — the same subject was already credited ("{title}", {date}), so no credits' },
  // ledger reasons written by the platform
  REASON_EARNED: { ko: '「{title}」 수료 ({date})', en: 'Completed "{title}" ({date})' },
  REASON_ATTENDANCE_CORRECTED_AWAY: { ko: '출석 정정으로 수료 취소: 「{title}」 ({note})', en: 'Attendance corrected, completion withdrawn: "{title}" ({note})' },
  REASON_ATTENDANCE_CORRECTED_BACK: { ko: '출석 정정으로 수료 재인정: 「{title}」', en: 'Attendance corrected, completion restored: "{title}"' },
  // creditTransactionRecord / creditTransactionReverse
  CREDIT_AMOUNT_INVALID: {
    ko: '학점은 0이 아닌 숫자(소수 둘째 자리까지, 절댓값 {max} 이하)여야 합니다.',
    en: 'Credits must be a non-zero number with at most two decimals and at most {max} in absolute value.',
  },
  CREDIT_RECOGNIZED_POSITIVE: { ko: '외부 학습 인정 학점은 0보다 커야 합니다. 빼려면 조정(ADJUSTED) 또는 취소를 사용하세요.', en: 'Recognised credits must be positive; use an adjustment or a reversal to subtract.' },
  CREDIT_KIND_NOT_ALLOWED: { ko: '직접 기록할 수 있는 종류는 외부 학습 인정(RECOGNIZED)과 조정(ADJUSTED)뿐입니다.', en: 'Only RECOGNIZED and ADJUSTED entries can be recorded directly.' },
  CREDIT_REASON_REQUIRED: { ko: '사유를 1~500자로 입력하세요.', en: 'Give a reason of 1–500 characters.' },
  CREDIT_TITLE_REQUIRED: { ko: '외부 학습 인정에는 과목명(1~200자)이 필요합니다.', en: 'Recognised learning needs a subject title (1–200 characters).' },
  CREDIT_EVIDENCE_REQUIRED: { ko: '외부 학습 인정에는 증빙(자격증 번호, 수료증 링크 등, 1~500자)이 필요합니다.', en: 'Recognised learning needs evidence (certificate number, link…, 1–500 characters).' },
  CREDIT_HOURS_INVALID: { ko: '학습 시간은 0 이상 1000 이하, 소수 둘째 자리까지여야 합니다.', en: 'Hours must be between 0 and 1000 with at most two decimals.' },
  CREDIT_OCCURRED_ON_INVALID: { ko: '학습일은 2000-01-01부터 오늘({today})까지여야 합니다.', en: 'The learning date must be between 2000-01-01 and today ({today}).' },
  IDEMPOTENCY_KEY_INVALID: { ko: '멱등 키(idempotencyKey)는 1~200자여야 합니다.', en: 'The idempotency key must be 1–200 characters.' },
  IDEMPOTENCY_KEY_REUSED: { ko: '이 멱등 키는 다른 내용의 요청에 이미 사용되었습니다.', en: 'This idempotency key was already used for a different request.' },
  CREDIT_CATEGORY_NOT_FOUND: { ko: '분야를 찾을 수 없습니다.', en: 'Category not found.' },
  YEARLY_CAP_EXCEEDED: {
    ko: '{year}년 외부 학습 인정 한도 {cap}학점을 넘습니다. 남은 인정 가능 학점: {remaining}학점 (요청 {amount}학점)',
    en: 'This exceeds the {year} cap of {cap} recognised credits. Remaining: {remaining} credits (requested {amount}).',
  },
  DUPLICATE_SUBJECT: {
    ko: '같은 과목이 이미 인정되어 있습니다: 「{title}」 ({date}, 내역 {entry}). 같은 과목은 두 번 인정되지 않습니다.',
    en: 'The same subject is already credited: "{title}" ({date}, entry {entry}). A subject is not credited twice.',
  },
  CREDIT_TRANSACTION_NOT_FOUND: { ko: '학점 내역을 찾을 수 없거나 관리 범위 밖입니다.', en: 'Credit entry not found or outside your scope.' },
  ALREADY_REVERSED: { ko: '이미 취소된 내역입니다 ({at} 취소, 내역 {entry}).', en: 'This entry was already reversed ({at}, entry {entry}).' },
  REVERSAL_OF_REVERSAL: {
    ko: '취소 내역은 다시 취소할 수 없습니다. 바로잡으려면 조정(ADJUSTED) 내역을 기록하세요.',
    en: 'A reversal cannot be reversed. Record an adjustment instead.',
  },
  // creditPolicyUpdate
  POLICY_YEAR_RANGE: { ko: '연도는 2000년부터 2100년 사이여야 합니다.', en: 'The year must be between 2000 and 2100.' },
  CREDITS_PER_HOUR_RANGE: { ko: '시간당 학점은 0보다 크고 10 이하(소수 둘째 자리까지)여야 합니다.', en: 'Credits per hour must be above 0 and at most 10, with at most two decimals.' },
  RECOGNIZED_CAP_RANGE: { ko: '연간 외부 학습 인정 한도는 0 이상 9999.99 이하여야 합니다.', en: 'The yearly cap must be between 0 and 9999.99.' },
  REQUIRED_HOURS_GRADES: { ko: '1급부터 9급까지 각 급수의 연간 의무 학습 시간을 한 번씩 입력하세요.', en: 'Give the yearly required hours once for each grade 1 to 9.' },
  REQUIRED_HOURS_RANGE: { ko: '연간 의무 학습 시간은 0 이상 1000 이하(소수 둘째 자리까지)여야 합니다.', en: 'Required hours must be between 0 and 1000 with at most two decimals.' },
} as const satisfies Record<string, { ko: string; en: string }>;
