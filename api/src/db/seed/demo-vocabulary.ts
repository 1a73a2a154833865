/**
 * Word lists for the demo-data generator (demo-data.ts). Plain data, no logic: everything here is
 * realistic vocabulary of Gyeonggi-do local administration, so the demo looks like the real thing.
 */

/** The 31 cities and counties of Gyeonggi-do with their 5-digit 시군구 administrative codes. */
export interface CityEntry {
  code: string;
  name: string;
  kind: 'CITY' | 'COUNTY';
  /** Rough population in tens of thousands, used to spread demo servants. */
  weight: number;
}

export const PROVINCE_CODE = '41000';
export const PROVINCE_NAME = '경기도';

export const CITIES: readonly CityEntry[] = [
  { code: '41110', name: '수원시', kind: 'CITY', weight: 119 },
  { code: '41130', name: '성남시', kind: 'CITY', weight: 91 },
  { code: '41150', name: '의정부시', kind: 'CITY', weight: 46 },
  { code: '41170', name: '안양시', kind: 'CITY', weight: 55 },
  { code: '41190', name: '부천시', kind: 'CITY', weight: 78 },
  { code: '41210', name: '광명시', kind: 'CITY', weight: 28 },
  { code: '41220', name: '평택시', kind: 'CITY', weight: 60 },
  { code: '41250', name: '동두천시', kind: 'CITY', weight: 9 },
  { code: '41270', name: '안산시', kind: 'CITY', weight: 63 },
  { code: '41280', name: '고양시', kind: 'CITY', weight: 107 },
  { code: '41290', name: '과천시', kind: 'CITY', weight: 8 },
  { code: '41310', name: '구리시', kind: 'CITY', weight: 19 },
  { code: '41360', name: '남양주시', kind: 'CITY', weight: 73 },
  { code: '41370', name: '오산시', kind: 'CITY', weight: 23 },
  { code: '41390', name: '시흥시', kind: 'CITY', weight: 52 },
  { code: '41410', name: '군포시', kind: 'CITY', weight: 26 },
  { code: '41430', name: '의왕시', kind: 'CITY', weight: 16 },
  { code: '41450', name: '하남시', kind: 'CITY', weight: 33 },
  { code: '41460', name: '용인시', kind: 'CITY', weight: 108 },
  { code: '41480', name: '파주시', kind: 'CITY', weight: 50 },
  { code: '41500', name: '이천시', kind: 'CITY', weight: 22 },
  { code: '41550', name: '안성시', kind: 'CITY', weight: 19 },
  { code: '41570', name: '김포시', kind: 'CITY', weight: 49 },
  { code: '41590', name: '화성시', kind: 'CITY', weight: 95 },
  { code: '41610', name: '광주시', kind: 'CITY', weight: 39 },
  { code: '41630', name: '양주시', kind: 'CITY', weight: 25 },
  { code: '41650', name: '포천시', kind: 'CITY', weight: 14 },
  { code: '41670', name: '여주시', kind: 'CITY', weight: 11 },
  { code: '41800', name: '연천군', kind: 'COUNTY', weight: 4 },
  { code: '41820', name: '가평군', kind: 'COUNTY', weight: 6 },
  { code: '41830', name: '양평군', kind: 'COUNTY', weight: 12 },
];

export interface UnitEntry {
  name: string;
  kind: 'DEPARTMENT' | 'AGENCY';
}

/** The province's own headquarters departments (실·국·과) and agencies (직속기관·사업소). Fixed. */
export const PROVINCE_UNITS: readonly UnitEntry[] = [
  { name: '기획조정실', kind: 'DEPARTMENT' },
  { name: '자치행정국', kind: 'DEPARTMENT' },
  { name: '세정과', kind: 'DEPARTMENT' },
  { name: '경제실', kind: 'DEPARTMENT' },
  { name: '복지국', kind: 'DEPARTMENT' },
  { name: '여성가족국', kind: 'DEPARTMENT' },
  { name: '도시주택실', kind: 'DEPARTMENT' },
  { name: '건설국', kind: 'DEPARTMENT' },
  { name: '환경국', kind: 'DEPARTMENT' },
  { name: '농정해양국', kind: 'DEPARTMENT' },
  { name: '안전관리실', kind: 'DEPARTMENT' },
  { name: '보건건강국', kind: 'DEPARTMENT' },
  { name: '문화체육관광국', kind: 'DEPARTMENT' },
  { name: '디지털정책과', kind: 'DEPARTMENT' },
  { name: '경기도인재개발원', kind: 'AGENCY' },
  { name: '경기도보건환경연구원', kind: 'AGENCY' },
  { name: '경기도농업기술원', kind: 'AGENCY' },
  { name: '경기도건설본부', kind: 'AGENCY' },
  { name: '경기도산림환경연구소', kind: 'AGENCY' },
  { name: '경기도서관', kind: 'AGENCY' },
];

export interface CityUnitEntry extends UnitEntry {
  /** Relative chance of being one of a city's demo departments. */
  weight: number;
}

/** Every city and county has these (the remaining 1–5 demo departments are drawn from the pool). */
export const CITY_CORE_UNITS: readonly string[] = ['기획예산과', '총무과', '세정과', '사회복지과'];

/** Departments the fixed demo personas need, always present in these cities. */
export const CITY_REQUIRED_UNITS: Readonly<Record<string, readonly string[]>> = {
  '41110': ['정보통신과', '민원여권과', '사회복지과'],
  '41130': ['세정과'],
};

/** The pool the remaining city/county departments are drawn from (order = display order). */
export const CITY_UNIT_POOL: readonly CityUnitEntry[] = [
  { name: '기획예산과', kind: 'DEPARTMENT', weight: 0 },
  { name: '총무과', kind: 'DEPARTMENT', weight: 0 },
  { name: '세정과', kind: 'DEPARTMENT', weight: 9 },
  { name: '정보통신과', kind: 'DEPARTMENT', weight: 7 },
  { name: '민원여권과', kind: 'DEPARTMENT', weight: 6 },
  { name: '사회복지과', kind: 'DEPARTMENT', weight: 9 },
  { name: '여성가족과', kind: 'DEPARTMENT', weight: 4 },
  { name: '일자리정책과', kind: 'DEPARTMENT', weight: 4 },
  { name: '기업지원과', kind: 'DEPARTMENT', weight: 3 },
  { name: '문화체육과', kind: 'DEPARTMENT', weight: 4 },
  { name: '안전총괄과', kind: 'DEPARTMENT', weight: 5 },
  { name: '도시계획과', kind: 'DEPARTMENT', weight: 5 },
  { name: '건축과', kind: 'DEPARTMENT', weight: 6 },
  { name: '도로과', kind: 'DEPARTMENT', weight: 6 },
  { name: '교통정책과', kind: 'DEPARTMENT', weight: 3 },
  { name: '환경정책과', kind: 'DEPARTMENT', weight: 6 },
  { name: '자원순환과', kind: 'DEPARTMENT', weight: 3 },
  { name: '공원녹지과', kind: 'DEPARTMENT', weight: 5 },
  { name: '보건소', kind: 'AGENCY', weight: 8 },
  { name: '농업기술센터', kind: 'AGENCY', weight: 5 },
  { name: '도서관', kind: 'AGENCY', weight: 5 },
];

/** Job series (직렬) with their relative frequency among general-service local servants. */
export const SERIES_WEIGHTS: readonly (readonly [string, number])[] = [
  ['행정', 44],
  ['세무', 6],
  ['사회복지', 7],
  ['전산', 6],
  ['토목', 6],
  ['건축', 4],
  ['보건', 5],
  ['환경', 4],
  ['농업', 4],
  ['사서', 3],
  ['공업', 4],
  ['녹지', 4],
];

/** Departments (by name, province or city) where a servant of each series plausibly works. */
export const SERIES_DEPARTMENTS: Readonly<Record<string, readonly string[]>> = {
  행정: [
    '기획조정실', '자치행정국', '경제실', '복지국', '여성가족국', '문화체육관광국', '안전관리실', '경기도인재개발원',
    '기획예산과', '총무과', '민원여권과', '사회복지과', '여성가족과', '일자리정책과', '기업지원과', '문화체육과',
    '안전총괄과', '교통정책과',
  ],
  세무: ['세정과'],
  전산: ['디지털정책과', '정보통신과'],
  사회복지: ['복지국', '여성가족국', '사회복지과', '여성가족과'],
  토목: ['건설국', '도시주택실', '경기도건설본부', '도로과', '도시계획과', '교통정책과'],
  건축: ['도시주택실', '건축과', '도시계획과'],
  보건: ['보건건강국', '경기도보건환경연구원', '보건소'],
  환경: ['환경국', '경기도보건환경연구원', '환경정책과', '자원순환과'],
  농업: ['농정해양국', '경기도농업기술원', '농업기술센터'],
  사서: ['경기도서관', '도서관'],
  공업: ['경제실', '안전관리실', '기업지원과', '일자리정책과', '안전총괄과'],
  녹지: ['경기도산림환경연구소', '환경국', '공원녹지과'],
};

/** Series that only work in their own kind of unit (a librarian needs a library). */
export const SERIES_NEEDING_OWN_UNIT: readonly string[] = ['사서', '보건', '농업'];

/** Fallback departments when an organisation has none matching the series. */
export const GENERAL_DEPARTMENTS: readonly string[] = ['기획조정실', '자치행정국', '총무과', '기획예산과'];

/** Duties text (담당 업무) per job series. */
export const SERIES_DUTIES: Readonly<Record<string, readonly string[]>> = {
  행정: [
    '주요 업무계획 수립 및 성과평가 관리',
    '공문서 접수·배부 및 기록물 관리',
    '민원 접수 및 처리, 민원 만족도 관리',
    '소관 예산 편성 및 집행 관리',
    '각종 위원회 운영 및 의회 업무 지원',
    '주민자치 및 지역공동체 활성화 지원',
  ],
  세무: [
    '지방세 부과 및 체납 관리',
    '재산세·자동차세 정기분 부과',
    '취득세 신고 접수 및 감면 심사',
    '지방세 세무조사 및 과세자료 분석',
    '체납액 징수 및 체납자 재산 압류',
  ],
  전산: [
    '행정정보시스템 운영 및 유지보수, 정보보안 점검',
    '홈페이지 및 전자결재 시스템 운영',
    '정보통신망 및 서버 관리, 개인정보보호 업무',
    '공공데이터 개방 및 데이터 분석 지원',
    '전산장비 도입 및 사이버 침해 대응',
  ],
  사회복지: [
    '기초생활보장 수급자 선정 및 급여 관리',
    '노인·장애인 복지서비스 지원',
    '복지 사각지대 발굴 및 통합사례관리',
    '아동 보육 및 가족 지원 사업 운영',
    '긴급복지 지원 및 사회복지시설 지도점검',
  ],
  토목: [
    '도로 개설 및 유지보수 공사 관리',
    '하천 정비 및 재해예방 사업 추진',
    '상하수도 시설 설치 및 관리',
    '도시계획도로 설계 및 공사 감독',
    '건설공사 안전점검 및 준공 검사',
  ],
  건축: [
    '건축 인허가 및 사용승인 업무',
    '공동주택 관리 및 리모델링 지원',
    '위반건축물 단속 및 이행강제금 부과',
    '공공건축물 설계 및 공사 감독',
  ],
  보건: [
    '감염병 예방 및 역학조사',
    '예방접종 및 모자보건 사업 운영',
    '만성질환 관리 및 건강증진 사업',
    '의약업소 지도점검 및 보건 민원 처리',
  ],
  환경: [
    '대기오염 배출시설 인허가 및 지도점검',
    '생활폐기물 수거 및 재활용 정책 추진',
    '탄소중립 실천 및 기후변화 대응 사업',
    '수질오염 방지 및 하천 수질 관리',
  ],
  농업: [
    '농업인 기술 교육 및 영농 지도',
    '친환경 농업 및 스마트팜 보급',
    '농산물 유통 및 직거래 활성화 지원',
    '가축 방역 및 농작물 병해충 예찰',
  ],
  사서: [
    '도서관 자료 수집 및 정리',
    '독서 프로그램 기획 및 운영',
    '작은도서관 운영 지원 및 상호대차 관리',
    '디지털 자료실 및 전자책 서비스 운영',
  ],
  공업: [
    '중소기업 육성 및 기업 애로 해소 지원',
    '산업단지 조성 및 공장 등록 관리',
    '전기·가스·에너지 시설 안전 관리',
    '소상공인 지원 및 전통시장 활성화',
  ],
  녹지: [
    '도시공원 조성 및 유지관리',
    '가로수 및 도시숲 조성 관리',
    '산림병해충 방제 및 산불 예방',
    '녹지 인허가 및 조경 공사 감독',
  ],
};

/** For 행정 servants the duties follow the department more than the series. */
export const DEPARTMENT_DUTIES: Readonly<Record<string, readonly string[]>> = {
  기획조정실: ['도정 주요 업무계획 수립 및 조정', '도 예산 편성 및 재정 운용 계획 수립'],
  자치행정국: ['시군 인사교류 및 조직 관리', '자치분권 및 주민자치 제도 운영'],
  기획예산과: ['예산 편성 및 재정 운용 계획 수립', '시정 주요 업무계획 수립 및 평가'],
  총무과: ['인사·복무 관리 및 공무원 교육훈련', '청사 관리 및 공용물품 관리', '직원 후생복지 및 당직 운영'],
  민원여권과: ['여권 발급 및 민원 접수 처리', '통합민원 창구 운영 및 제증명 발급'],
  일자리정책과: ['일자리 창출 사업 추진 및 청년 고용 지원', '공공일자리 사업 운영'],
  문화체육과: ['지역 축제 및 생활체육 행사 운영', '문화시설 운영 및 문화예술 지원'],
  문화체육관광국: ['관광 활성화 정책 수립 및 지역 축제 지원'],
  안전총괄과: ['재난 예방 및 비상대비 훈련 운영', '재난안전대책본부 운영 및 안전점검'],
  안전관리실: ['도 재난안전 종합계획 수립', '비상대비 업무 및 민방위 운영'],
  경기도인재개발원: ['공무원 교육과정 기획 및 운영', '교육 수요조사 및 교육성과 분석'],
};

export interface TrainingEntry {
  title: string;
  category: string;
  hours: readonly string[];
  providers: readonly string[];
  /** Only for servants of these series (absent: anyone). */
  series?: readonly string[];
  /** Only for servants of this grade or higher rank (numerically lower or equal). */
  maxGrade?: number;
  /** Relative frequency. */
  weight: number;
}

export const EDUCATION_CATEGORIES: readonly string[] = [
  '디지털·AI', '정책·법령', '리더십·조직', '소통·민원', '재무·회계',
  '안전·재난', '건강·웰빙', '인문·교양', '외국어', '법정의무',
];

const GI = '경기도인재개발원';
const NB = '나라배움터';
const JI = '지방자치인재개발원';
const EX = '외부기관';

/** Trainings Korean public servants typically completed before the platform (or outside it). */
export const TRAININGS: readonly TrainingEntry[] = [
  { title: '4대 폭력예방 교육', category: '법정의무', hours: ['1', '2', '4'], providers: [NB, GI], weight: 9 },
  { title: '청렴·부패방지 교육', category: '법정의무', hours: ['2', '3'], providers: [NB, GI], weight: 8 },
  { title: '청탁금지법의 이해', category: '법정의무', hours: ['1', '2'], providers: [NB], weight: 4 },
  { title: '공무원 행동강령 교육', category: '법정의무', hours: ['1'], providers: [NB, GI], weight: 4 },
  { title: '개인정보보호 실무', category: '법정의무', hours: ['2', '3'], providers: [NB, GI, JI], weight: 6 },
  { title: '정보보안 기본교육', category: '법정의무', hours: ['1', '2'], providers: [NB], weight: 5 },
  { title: '비상대비 교육', category: '법정의무', hours: ['1', '2'], providers: [NB, GI], weight: 3 },
  { title: '자살예방 생명지킴이 교육', category: '법정의무', hours: ['1', '1.5'], providers: [NB], weight: 3 },
  { title: '장애인식개선 교육', category: '법정의무', hours: ['1'], providers: [NB], weight: 3 },
  { title: '생성형 AI 업무 활용', category: '디지털·AI', hours: ['2', '3', '7'], providers: [GI, JI, EX], weight: 7 },
  { title: '챗GPT 프롬프트 작성 실무', category: '디지털·AI', hours: ['1.5', '2', '3'], providers: [GI, EX], weight: 4 },
  { title: '엑셀 데이터 분석 기초', category: '디지털·AI', hours: ['7', '14'], providers: [GI, NB, EX], weight: 5 },
  { title: '공공데이터 활용', category: '디지털·AI', hours: ['3', '7'], providers: [JI, GI], weight: 4 },
  { title: '파이썬 업무 자동화 입문', category: '디지털·AI', hours: ['14', '21'], providers: [GI, EX], weight: 2 },
  { title: '데이터 시각화 기초', category: '디지털·AI', hours: ['7'], providers: [JI, NB], weight: 2 },
  { title: '지방자치법의 이해', category: '정책·법령', hours: ['3', '7'], providers: [JI, NB], weight: 3 },
  { title: '적극행정과 행정절차법', category: '정책·법령', hours: ['2', '3'], providers: [NB, GI], weight: 3 },
  { title: '공문서 작성과 바른 행정 용어', category: '정책·법령', hours: ['1.5', '3'], providers: [NB, GI], weight: 3 },
  { title: '신임 팀장 리더십', category: '리더십·조직', hours: ['14', '21'], providers: [GI, JI], maxGrade: 6, weight: 2 },
  { title: '갈등관리와 협상', category: '리더십·조직', hours: ['7'], providers: [GI, JI], weight: 3 },
  { title: '조직 내 소통과 코칭', category: '리더십·조직', hours: ['3', '7'], providers: [GI], weight: 2 },
  { title: '민원응대 스피치', category: '소통·민원', hours: ['3', '7'], providers: [GI, EX], weight: 4 },
  { title: '악성민원 대응 실무', category: '소통·민원', hours: ['2', '3'], providers: [GI, NB], weight: 3 },
  { title: '보고서 작성 실무', category: '소통·민원', hours: ['7', '14'], providers: [GI, JI], weight: 3 },
  { title: '지방재정 실무', category: '재무·회계', hours: ['14', '21'], providers: [JI, GI], weight: 3 },
  { title: '지방계약 실무', category: '재무·회계', hours: ['7', '14'], providers: [JI], weight: 2 },
  { title: 'e호조 예산·회계 실무', category: '재무·회계', hours: ['7'], providers: [JI, GI], weight: 2 },
  { title: '재난안전관리 실무', category: '안전·재난', hours: ['7'], providers: [GI, JI], weight: 2 },
  { title: '심폐소생술(CPR) 교육', category: '안전·재난', hours: ['2', '3'], providers: [EX, GI], weight: 2 },
  { title: '직장인 마음건강 관리', category: '건강·웰빙', hours: ['1.5', '2'], providers: [GI, NB], weight: 2 },
  { title: '공무원 스트레스 관리', category: '건강·웰빙', hours: ['2', '3'], providers: [NB], weight: 2 },
  { title: '인문학으로 보는 공직가치', category: '인문·교양', hours: ['2', '3'], providers: [GI, NB], weight: 2 },
  { title: '공무원 연금과 생애 재무설계', category: '인문·교양', hours: ['2', '3'], providers: [GI, EX], weight: 3 },
  { title: '실무 영어 회화', category: '외국어', hours: ['21'], providers: [GI, EX], weight: 1 },
  { title: '비즈니스 중국어 기초', category: '외국어', hours: ['21'], providers: [EX], weight: 1 },
  { title: '지방세 실무 심화', category: '정책·법령', hours: ['14', '21'], providers: [JI, GI], series: ['세무'], weight: 8 },
  { title: '사회보장급여 실무', category: '정책·법령', hours: ['7', '14'], providers: [JI, GI], series: ['사회복지'], weight: 8 },
  { title: '정보시스템 보안 실무', category: '디지털·AI', hours: ['7', '14'], providers: [JI, EX], series: ['전산'], weight: 8 },
  { title: '건설공사 안전관리 실무', category: '안전·재난', hours: ['7', '14'], providers: [JI, GI], series: ['토목', '건축'], weight: 8 },
  { title: '탄소중립 정책의 이해', category: '정책·법령', hours: ['3', '7'], providers: [GI, NB], series: ['환경', '녹지'], weight: 8 },
  { title: '스마트농업 기술 이해', category: '디지털·AI', hours: ['7'], providers: [EX, GI], series: ['농업'], weight: 8 },
  { title: '감염병 대응 실무', category: '안전·재난', hours: ['7', '14'], providers: [JI, GI], series: ['보건'], weight: 8 },
  { title: '도서관 서비스 기획', category: '인문·교양', hours: ['7', '14'], providers: [EX, GI], series: ['사서'], weight: 8 },
  { title: '중소기업 지원 정책 실무', category: '정책·법령', hours: ['7'], providers: [GI, JI], series: ['공업'], weight: 8 },
];

export const INTERESTS: readonly string[] = [
  '생성형 AI', '엑셀', '데이터 분석', '공공데이터', '파이썬', '정보보안', '리더십', '갈등관리', '민원 응대',
  '보고서 작성', '글쓰기', '스피치', '재테크', '부동산', '세법', '지방재정', '복지정책', '기후변화',
  '탄소중립', '안전관리', '스마트시티', '스마트팜', '감염병 대응', '건강관리', '영어 회화', '중국어',
  '인문학', '심리 상담',
];

/** Interests a servant of each series is more likely to have. */
export const SERIES_INTERESTS: Readonly<Record<string, readonly string[]>> = {
  행정: ['보고서 작성', '리더십', '민원 응대', '엑셀'],
  세무: ['세법', '재테크', '지방재정'],
  전산: ['생성형 AI', '데이터 분석', '정보보안', '파이썬'],
  사회복지: ['복지정책', '갈등관리', '심리 상담'],
  토목: ['안전관리', '스마트시티'],
  건축: ['부동산', '스마트시티', '안전관리'],
  보건: ['감염병 대응', '건강관리'],
  환경: ['기후변화', '탄소중립'],
  농업: ['스마트팜', '기후변화'],
  사서: ['글쓰기', '인문학'],
  공업: ['데이터 분석', '안전관리'],
  녹지: ['기후변화', '탄소중립'],
};

export const HOBBIES: readonly string[] = [
  '등산', '독서', '사진', '요가', '캠핑', '요리', '자전거', '바둑', '러닝', '악기 연주',
  '수영', '골프', '낚시', '영화 감상', '여행', '테니스', '필라테스', '텃밭 가꾸기', '그림 그리기', '배드민턴',
];

/** Common Korean surnames with their approximate share (%) of the population. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 21.5], ['이', 14.7], ['박', 8.4], ['최', 4.7], ['정', 4.3], ['강', 2.3], ['조', 2.1], ['윤', 2.0],
  ['장', 2.0], ['임', 1.6], ['한', 1.5], ['오', 1.5], ['서', 1.5], ['신', 1.4], ['권', 1.4], ['황', 1.4],
  ['안', 1.3], ['송', 1.3], ['전', 1.1], ['홍', 1.1], ['유', 1.1], ['고', 0.9], ['문', 0.9], ['양', 0.9],
  ['손', 0.9], ['배', 0.8], ['백', 0.8], ['허', 0.6], ['남', 0.5], ['노', 0.5], ['심', 0.5], ['하', 0.5],
];

/** Two-syllable given names common for people born in the 1960s–1980s (long-serving staff). */
export const GIVEN_NAMES_OLDER: readonly string[] = [
  '영수', '영호', '정훈', '성민', '성호', '상현', '동욱', '재훈', '준영', '기현', '승철', '태호', '병철', '현우',
  '종민', '대성', '광수', '진호', '민철', '용준', '경수', '명수', '석진', '창호', '지영', '미경', '현주', '은정',
  '수진', '혜진', '정희', '미영', '은영', '선영', '경희', '지현', '미숙', '윤정', '소영', '보라', '정아', '혜영',
  '은주', '미정', '선희', '현정', '주연', '희정',
];

/** Two-syllable given names common for people born in the late 1980s–2000s (recent recruits). */
export const GIVEN_NAMES_YOUNGER: readonly string[] = [
  '민준', '서준', '도윤', '예준', '시우', '하준', '지호', '준서', '건우', '현준', '우진', '민재', '지훈', '승현',
  '준혁', '태윤', '동현', '재민', '성빈', '유찬', '서연', '서윤', '지우', '하은', '민서', '수아', '지민', '예린',
  '채원', '다은', '유진', '수빈', '지원', '가은', '나연', '예은', '소윤', '혜원', '다인', '은서', '하린', '윤서',
  '지수', '민지', '수민', '지은',
];
