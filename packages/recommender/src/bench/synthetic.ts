import { mulberry32 } from '../eval/metrics.js';
import type { CourseFeatures, Interaction, RecommenderSnapshot, ServantFeatures } from '../types.js';

const CATEGORIES = ['디지털', '행정', '재정', '복지', '안전', '환경', '도시', '보건', '문화', '리더십', '법무', '민원', '농업', '교통', '교육', '인권', '청렴', '외국어', '건강', '재테크'];
const WORDS = ['기초', '심화', '실무', '사례', '이해', '활용', '혁신', '정책', '데이터', '소통', '협업', '관리', '분석', '설계', '기획', '점검', '개선', '전략', '입문', '워크숍'];
const SERIES = ['행정', '세무', '전산', '사회복지', '토목', '건축', '보건', '환경', '농업', '사서', '공업', '녹지'];
const GRADES = ['8-9급', '6-7급', '5급', '4급 이상'];

/**
 * A synthetic catalogue and population at the target scale of the platform, shaped like the
 * real thing enough to exercise every code path: categories and Korean titles, job-series
 * preferences over categories, a Zipf-like popularity, and time-ordered histories.
 */
export function syntheticSnapshot(nCourses: number, nServants: number, nInteractions: number, seed = 42): RecommenderSnapshot {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const start = Date.UTC(2023, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const courses: CourseFeatures[] = [];
  const byCat: number[][] = CATEGORIES.map(() => []);
  for (let i = 0; i < nCourses; i++) {
    const c = Math.floor(rnd() * CATEGORIES.length);
    byCat[c].push(i);
    courses.push({
      id: `course-${i}`,
      category: CATEGORIES[c],
      tags: [pick(WORDS), pick(WORDS)],
      title: `${CATEGORIES[c]} ${pick(WORDS)} ${pick(WORDS)} ${i % 97}`,
      description: `${CATEGORIES[c]} 분야 ${pick(WORDS)} ${pick(WORDS)} 과정`,
      lengthMinutes: rnd() < 0.5 ? 60 : 120,
      createdAt: start + rnd() * span,
    });
  }
  // Zipf-ish weights inside each category.
  const cum = byCat.map((items) => {
    const acc = new Float64Array(items.length);
    let s = 0;
    items.forEach((_, r) => (acc[r] = s += 1 / Math.pow(r + 1, 0.8)));
    return acc;
  });
  const drawIn = (c: number) => {
    const acc = cum[c];
    const x = rnd() * acc[acc.length - 1];
    let lo = 0;
    let hi = acc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acc[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return byCat[c][lo];
  };
  const servants: ServantFeatures[] = [];
  const prefs: number[][] = [];
  for (let u = 0; u < nServants; u++) {
    const series = Math.floor(rnd() * SERIES.length);
    servants.push({
      id: `servant-${u}`,
      organization: `org-${u % 32}`,
      department: `dept-${Math.floor(rnd() * 40)}`,
      jobSeries: SERIES[series],
      gradeBand: pick(GRADES),
      yearsOfService: Math.floor(rnd() * 30),
      interests: [pick(CATEGORIES), pick(WORDS)],
      hobbies: rnd() < 0.3 ? [pick(CATEGORIES)] : [],
    });
    prefs.push([series % CATEGORIES.length, (series * 7 + 3) % CATEGORIES.length, Math.floor(rnd() * CATEGORIES.length)]);
  }
  const interactions: Interaction[] = [];
  for (let k = 0; k < nInteractions; k++) {
    const u = Math.floor(rnd() * nServants);
    const p = prefs[u];
    const r = rnd();
    const c = r < 0.5 ? p[0] : r < 0.75 ? p[1] : r < 0.9 ? p[2] : Math.floor(rnd() * CATEGORIES.length);
    interactions.push({ servantId: `servant-${u}`, courseId: `course-${drawIn(c)}`, kind: rnd() < 0.7 ? 'COMPLETED' : 'REGISTERED', at: start + rnd() * span });
  }
  return { servants, courses, interactions, now: start + span };
}
