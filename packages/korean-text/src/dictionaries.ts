/**
 * Default dictionary data, kept in one file so that it can be reviewed (and later replaced by
 * administrator-edited data) without touching the algorithms. Every entry is matched after
 * {@link normalize}, so case, width and inner spacing do not matter here.
 */

/**
 * Spellings that mean exactly the same thing in a course title. The first spelling of each
 * group is the canonical one written into the title key.
 */
export const DEFAULT_ABBREVIATIONS: ReadonlyArray<readonly string[]> = [
  ['인공지능', 'AI', 'A.I.', '에이아이'],
  ['챗지피티', '챗GPT', 'ChatGPT', 'Chat GPT', '챗 GPT'],
  ['지피티', 'GPT'],
  ['엑셀', 'Excel', 'MS엑셀', 'MS Excel'],
  ['파워포인트', 'PowerPoint', 'PPT'],
  ['한글', '아래아한글', '한컴한글', 'HWP'],
  ['빅데이터', 'Big Data', 'BigData'],
  ['사회관계망서비스', 'SNS', '에스엔에스'],
  ['사물인터넷', 'IoT'],
  ['가상현실', 'VR'],
  ['증강현실', 'AR'],
  ['지리정보시스템', 'GIS'],
  ['개인정보', '개인 정보'],
];

/**
 * Terms that training requests use interchangeably. Not strict equivalents (that is what
 * {@link DEFAULT_ABBREVIATIONS} is for): they only pull similar requests closer together.
 * Generic request words (교육/강의, 활용/사용, 업무/실무) are deliberately absent: almost every
 * request contains one of them, so expanding them made unrelated requests look alike.
 */
export const DEFAULT_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['엑셀', 'excel', '스프레드시트', 'spreadsheet', '구글 시트'],
  ['함수', '수식'],
  ['파워포인트', 'ppt', 'powerpoint', '프레젠테이션', '발표 자료'],
  ['생성형 ai', '생성형 인공지능', '챗gpt', 'chatgpt', '챗지피티', 'gpt', '지피티', 'llm', '거대언어모델', '대규모 언어 모델', '제미나이', 'gemini', '클로드', 'claude', '뤼튼', '코파일럿', 'copilot'],
  ['인공지능', 'ai', '에이아이'],
  ['보고서', '공문서', '공문', '기안문', '행정 문서', '업무 문서', '문서'],
  ['작성', '쓰기', '초안', '기안'],
  ['코딩', '프로그래밍'],
  ['파이썬', 'python'],
  ['빅데이터', 'big data'],
  ['데이터 분석', '데이터 활용', '통계 분석'],
  ['악성 민원', '특이 민원', '강성 민원', '폭언 민원'],
  ['민원 응대', '민원 대응', '고객 응대', '친절 응대'],
  ['스트레스', '마음 건강', '정신 건강', '멘탈 관리'],
  ['청렴', '반부패', '부패 방지'],
  ['갑질', '직장 내 괴롭힘'],
  ['퇴직 준비', '은퇴 준비', '노후 설계', '인생 2막'],
  ['부동산', '주택', '토지'],
  ['세무', '세금', '세법', '조세'],
  ['영상 편집', '동영상 편집', '유튜브 제작', '영상 제작'],
  ['글쓰기', '작문', '문장력'],
];
