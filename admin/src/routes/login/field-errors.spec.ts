import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors';

describe('fieldErrors', () => {
  it('puts each message next to the field its path names, the rest on the form', () => {
    expect(
      fieldErrors(
        [
          { field: ['input', 'password'], message: '이메일 또는 비밀번호가 올바르지 않습니다.' },
          { field: ['input', 'password'], message: '두 번째' },
          { field: null, message: '계정이 잠겼습니다.' },
          { field: ['input', 'unknownField'], message: '기타' },
        ],
        ['email', 'password'],
      ),
    ).toEqual({ password: '이메일 또는 비밀번호가 올바르지 않습니다.', form: '계정이 잠겼습니다. 기타' });
  });
});
