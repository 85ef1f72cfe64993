/**
 * What makes a new password too easy to guess, beyond its length: the passwords people pick first
 * (in China as elsewhere), one character repeated, a run along the digits, the alphabet or a
 * keyboard row, and the account's own user name. Checked where a password is set, in the browser
 * and the API alike; existing passwords keep working at log-in.
 */

/** Chosen first by many: dates, lucky numbers, pinyin and keyboard habits (compared in lower case). */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'iloveyou',
  'qwertyuiop',
  'qwerty123',
  'qwer1234',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  'zaq12wsx',
  'zxcvbnm1',
  'asdf1234',
  'asd12345',
  'abc12345',
  'abcd1234',
  'a1234567',
  'a12345678',
  'a123456789',
  'aa123456',
  'aa12345678',
  'abc123456',
  'abc123456789',
  'admin123',
  'admin1234',
  'admin888',
  'root1234',
  'test1234',
  'user1234',
  'welcome1',
  'letmein1',
  'changeme',
  'sunshine',
  'football',
  'baseball',
  'superman',
  'woaini1314',
  'woaini520',
  'woaini123',
  'wo123456',
  '5201314520',
  '52013141',
  '1314520520',
  'iloveyou1314',
  'aini1314',
  'woaiwojia',
  'zhang123',
  'wang1234',
  'li123456',
  'liu123456',
  'chen1234',
  'zhangwei',
  'wangwei1',
  'huang123',
  'zhao1234',
  'yang1234',
  'kexie123',
  'kexie2021',
  'kexie2025',
  'kepu1234',
  'kepu2021',
  'kepu2025',
  'kesu1234',
  'kesu2025',
  'science1',
  'kexue123',
  '88888888',
  '66666666',
  '11111111',
  '00000000',
  '12341234',
  '11223344',
  '112233445566',
  '123123123',
  '12121212',
  '147258369',
  '159357258',
  '147852369',
  '741852963',
  '963852741',
  '789456123',
  '123456789a',
  '123456aa',
  '123456abc',
  '123qweasd',
  '123qwe123',
  'qweasdzxc',
  'qazwsxedc',
  'q123456789',
  'aaaa1111',
  'a1b2c3d4',
  '20212025',
  '20210101',
  '19491001',
  '888888888',
  '1234abcd',
]);

/** Rows a finger runs along, and the digits and letters in order. */
const RUNS = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv',
  '1q2w3e4r5t6y',
];

export interface PasswordProblem {
  code: string;
  zh: string;
  en: string;
}

const problem = (code: string, zh: string, en: string): PasswordProblem => ({ code, zh, en });

/** Whether `text` runs along one of the runs, forwards or backwards. */
function isRun(text: string): boolean {
  return RUNS.some((run) => run.includes(text) || [...run].reverse().join('').includes(text));
}

/** Why a new password would be easy to guess (null: it is not). `username` when known. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (lower.trim() === '') return problem('password_blank', '不能全是空格', 'cannot be only spaces');
  // A name of two letters would forbid too much as a part: then only the whole of it.
  const name = username?.toLowerCase();
  if (name && (name.length >= 3 ? lower.includes(name) : lower === name))
    return problem('password_has_username', '不能包含用户名', 'cannot contain the user name');
  if (new Set(lower).size === 1)
    return problem('password_repeated', '不能是同一个字符的重复', 'cannot be one character repeated');
  if (COMMON.has(lower) || isRun(lower))
    return problem(
      'password_common',
      '过于常见，容易被猜中，请换一个',
      'is too common and easy to guess; choose another',
    );
  return null;
}
