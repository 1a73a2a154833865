/**
 * Demo training requests: ~40 wishes from demo servants, in the varied wording real requests
 * have, so that the demo shows grouping at work — a few demands with five requesters or more
 * (생성형 AI 보고서 작성, 엑셀 자동화, 민원 응대 스트레스 관리) and several below five.
 * `topic` is only the intended demand, used by the spec that checks the matcher groups them so;
 * the seed itself groups with the same matcher the API uses.
 */

export interface DemoRequest {
  /** Intended demand (for the spec); not stored. */
  topic: string;
  title: string;
  description: string;
  /** Category name, as seeded by the catalogue (null when that category is absent). */
  category: string;
  format: 'IN_PERSON' | 'LIVE_ONLINE' | 'RECORDED' | null;
  month: string | null;
}

const r = (topic: string, category: string, format: DemoRequest['format'], month: string | null, title: string, description: string): DemoRequest => ({
  topic,
  title,
  description,
  category,
  format,
  month,
});

const AI = '디지털·AI';
const CIVIL = '소통·민원';

/** In submission order: the first request of each topic names its demand. */
export const DEMO_REQUESTS: readonly DemoRequest[] = [
  r('ai-report', AI, 'IN_PERSON', '2027-01', '생성형 AI 보고서 작성', '생성형 AI 보고서 작성 교육을 요청합니다. 개인정보가 새지 않게 쓰는 방법도 함께 알려주세요.'),
  r('excel', AI, 'LIVE_ONLINE', '2027-01', '엑셀 자동화', '반복되는 엑셀 집계 작업을 자동화하는 방법을 배우고 싶습니다.'),
  r('civil-stress', CIVIL, 'IN_PERSON', '2027-01', '민원 응대 스트레스 관리', '악성 민원을 응대하고 나면 스트레스가 심합니다. 마음을 관리하는 방법을 배우고 싶어요.'),
  r('ai-report', AI, 'LIVE_ONLINE', '2027-01', '챗GPT로 보고서 초안 쓰는 법', '매일 쓰는 보고서 초안을 챗GPT로 빠르게 만들고 싶습니다.'),
  r('python', AI, 'LIVE_ONLINE', '2027-02', '파이썬 데이터 분석 입문', '파이썬으로 공공데이터를 분석하는 기초를 배우고 싶습니다.'),
  r('excel', AI, 'IN_PERSON', '2027-01', '엑셀 매크로 자동화 기초', '엑셀 매크로와 VBA로 월별 통계표를 자동으로 만드는 법'),
  r('ai-report', AI, 'IN_PERSON', '2027-02', '생성형 AI 활용 공문서 작성', '생성형 AI로 공문서와 기안문을 작성하는 실습 교육이 있었으면 좋겠습니다.'),
  r('retire', '재무·회계', 'IN_PERSON', '2027-03', '퇴직 준비와 노후 설계', '퇴직을 앞두고 연금과 노후 설계를 배우고 싶습니다.'),
  r('civil-stress', CIVIL, 'IN_PERSON', '2027-01', '악성 민원 대응 요령', '폭언하는 민원인을 대응하는 요령과 스트레스에서 회복하는 방법'),
  r('video', AI, 'RECORDED', '2027-02', '홍보 영상 편집', '시정 홍보용 짧은 영상 편집을 배우고 싶어요.'),
  r('ai-report', AI, 'RECORDED', null, 'AI로 업무 보고서 쓰기', '인공지능 도구를 이용해 업무 보고서를 쓰는 방법을 배우고 싶어요.'),
  r('excel', AI, 'RECORDED', '2027-02', '스프레드시트 함수 활용', '스프레드시트 함수로 보조금 집행 내역을 자동으로 정리하고 싶어요.'),
  r('acquisition-tax', '정책·법령', 'IN_PERSON', '2027-02', '부동산 취득세 실무', '부동산 취득세 과세표준과 감면 실무'),
  r('civil-stress', CIVIL, 'LIVE_ONLINE', '2027-02', '특이 민원 응대와 마음 건강', '특이 민원을 응대한 뒤 마음 건강을 지키는 법을 알고 싶습니다.'),
  r('ai-report', AI, 'LIVE_ONLINE', '2027-01', '챗지피티 업무 문서 작성', '챗지피티에 어떻게 물어봐야 쓸만한 업무 문서 초안이 나오는지 알고 싶습니다.'),
  r('excel', AI, 'IN_PERSON', '2027-01', '엑셀 피벗테이블과 함수', '피벗테이블, VLOOKUP 같은 엑셀 함수를 제대로 배우고 싶습니다.'),
  r('drone', '안전·재난', 'IN_PERSON', '2027-03', '재난 현장 드론 활용', '재난 현장 상황을 파악하기 위한 드론 촬영 실습'),
  r('english', '외국어', 'LIVE_ONLINE', '2027-03', '국제 교류 실무 영어 회화', '해외 출장과 자매도시 교류에 필요한 실무 영어 회화'),
  r('python', AI, 'RECORDED', '2027-02', '공공데이터 파이썬 분석 실습', '공공데이터포털 자료를 파이썬 pandas로 분석하는 실습'),
  r('civil-stress', CIVIL, 'IN_PERSON', '2027-02', '민원 감정노동 스트레스 해소', '민원 창구 감정노동 때문에 쌓인 스트레스를 푸는 법'),
  r('ai-report', AI, 'IN_PERSON', '2027-02', '생성형 인공지능으로 기안문 작성하기', '보도자료와 기안문 초안을 생성형 인공지능으로 작성하는 법'),
  r('harassment', '리더십·조직', 'IN_PERSON', '2027-01', '직장 내 괴롭힘 예방', '직장 내 괴롭힘과 갑질을 예방하는 사례 중심 교육'),
  r('excel', AI, 'LIVE_ONLINE', '2027-03', '구글 시트 업무 자동화', '구글 시트로 부서 공유 자료를 자동으로 취합하는 방법'),
  r('retire', '재무·회계', 'LIVE_ONLINE', '2027-03', '공무원 은퇴 준비', '공무원연금 수령 방법과 은퇴 준비'),
  r('civil-stress', CIVIL, 'IN_PERSON', '2027-01', '강성 민원 대처와 스트레스 관리', '강성 민원 대처 방법과 민원 응대 스트레스 관리 교육이 필요합니다.'),
  r('video', AI, 'RECORDED', '2027-02', '유튜브 동영상 제작 기초', '부서 유튜브 채널에 올릴 동영상 제작과 편집 기초'),
  r('ai-report', AI, 'LIVE_ONLINE', '2027-01', '챗GPT 프롬프트로 보고서 초안 만들기', '챗GPT 프롬프트를 잘 써서 보고서 초안을 만드는 요령'),
  r('acquisition-tax', '정책·법령', 'IN_PERSON', '2027-03', '주택 취득세 감면 사례', '주택 취득세 감면 요건과 사례 중심 실무'),
  r('excel', AI, 'IN_PERSON', '2027-02', '엑셀 수식으로 현황표 자동 계산', '수식으로 민원 처리 현황표를 자동 계산하는 엑셀 실무'),
  r('drone', '안전·재난', 'IN_PERSON', '2027-03', '산불 감시 드론 조종 기초', '산불 감시에 쓰는 드론 조종 기초와 촬영'),
  r('single-accounting', '재무·회계', 'IN_PERSON', '2027-02', '지방재정 회계 결산 실무', '지방자치단체 회계 결산 절차와 실무'),
  r('civil-stress', CIVIL, 'LIVE_ONLINE', '2027-02', '민원인 폭언 대응과 멘탈 관리', '민원인 폭언에 대응하는 법과 멘탈 관리 요령'),
  r('english', '외국어', 'LIVE_ONLINE', '2027-03', '해외 출장 영어 회화', '해외 출장과 국제회의에서 쓰는 영어 회화'),
  r('video', AI, 'RECORDED', '2027-03', '스마트폰 영상 편집', '스마트폰으로 행사 영상을 찍고 편집하는 법'),
  r('ai-report', AI, 'IN_PERSON', '2027-02', '코파일럿으로 행정 문서 쓰기', '코파일럿 같은 생성형 AI로 행정 문서를 쓰고 요약하는 법'),
  r('harassment', '리더십·조직', 'IN_PERSON', '2027-02', '갑질 예방과 조직문화', '갑질 없는 조직문화를 만드는 방법과 직장 내 괴롭힘 사례'),
  r('retire', '재무·회계', 'IN_PERSON', '2027-03', '인생 2막 퇴직 설계', '퇴직 후 인생 2막 설계와 재취업 정보'),
  r('python', AI, 'LIVE_ONLINE', '2027-03', '파이썬 업무 자동화 코딩', '파이썬 프로그래밍으로 데이터 분석과 업무 자동화를 해 보고 싶어요.'),
  r('excel', AI, 'RECORDED', '2027-01', '엑셀로 반복 취합 업무 줄이기', '엑셀 자동화로 매주 하는 취합 업무 시간을 줄이고 싶어요.'),
  r('single-foi', '정책·법령', 'IN_PERSON', '2027-02', '정보공개청구 처리 실무', '정보공개청구 처리 기준과 비공개 판단 사례'),
];

/** "Me too" backings: (topic of the demand, how many other servants back it without writing a request). */
export const DEMO_SUPPORTS: readonly { topic: string; count: number }[] = [
  { topic: 'ai-report', count: 3 },
  { topic: 'excel', count: 1 },
  { topic: 'python', count: 1 },
];

/** Administrator-edited synonym groups seeded in the demo (the shipped ones apply as well). */
export const DEMO_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['엑셀', '스프레드시트', '구글 시트'],
  ['챗GPT', '생성형 AI', '코파일럿'],
  ['매크로', 'VBA', '자동화'],
  ['감정노동', '스트레스'],
  ['드론', '무인비행장치'],
];
