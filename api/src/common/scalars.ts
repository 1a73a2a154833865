import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;

/** Exact decimals (credits, hours) travel as strings, never as binary floats. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1.5". Used for credits and hours.',
  serialize(value) {
    const s = String(value);
    if (!DECIMAL.test(s)) throw new GraphQLError(`Decimal cannot represent ${s}`);
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  },
  parseValue(value) {
    const s = typeof value === 'number' ? String(value) : value;
    if (typeof s !== 'string' || !DECIMAL.test(s)) throw new GraphQLError('Decimal must be a string like "1.5"');
    return s;
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) && DECIMAL.test(ast.value)) return ast.value;
    throw new GraphQLError('Decimal must be a string like "1.5"');
  },
});

/** Calendar dates (YYYY-MM-DD) as strings, e.g. hire dates, in Asia/Seoul business terms. */
export const LocalDateScalar = LocalDateResolver;
/** Instants, serialised as ISO-8601 with offset. */
export const DateTimeScalar = DateTimeResolver;
