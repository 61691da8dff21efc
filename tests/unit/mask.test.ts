import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/domain/mask';

// Expected outputs written by hand: phones keep 3 + 4 digits, IDs the 6-digit region code and last 4.
const CASES: { name: string; input: string; expected: string }[] = [
  // Phone numbers
  { name: 'a phone number alone', input: '13812345678', expected: '138****5678' },
  { name: 'a phone number inside Chinese text', input: '市民13812345678反映楼下夜间施工噪声', expected: '市民138****5678反映楼下夜间施工噪声' },
  { name: 'a phone number after a full-width colon', input: '联系电话：19912340000。', expected: '联系电话：199****0000。' },
  { name: 'several phone numbers in one string', input: '张先生13812345678，李女士15900001111，王师傅17755556666', expected: '张先生138****5678，李女士159****1111，王师傅177****6666' },
  { name: 'a phone number glued to Latin letters', input: 'tel13812345678ext', expected: 'tel138****5678ext' },
  { name: 'a 15-digit order number is left alone', input: '工单号138123456789012已转办', expected: '工单号138123456789012已转办' },
  { name: 'a 12-digit run is left alone', input: '编号138123456789', expected: '编号138123456789' },
  { name: 'a 10-digit number is left alone', input: '电话1381234567少一位', expected: '电话1381234567少一位' },
  { name: 'an 11-digit number with second digit 2 is not a mobile number', input: '12812345678', expected: '12812345678' },
  { name: 'an 11-digit number starting with 0 is not a mobile number', input: '05781234567', expected: '05781234567' },
  // ID numbers
  { name: 'an 18-digit ID number', input: '身份证号330102199001011234', expected: '身份证号330102********1234' },
  { name: 'an ID number ending in X', input: '身份证33110219851231002X。', expected: '身份证331102********002X。' },
  { name: 'an ID number ending in lowercase x', input: '证件33110219851231002x', expected: '证件331102********002x' },
  { name: 'an ID number whose digits contain a phone-like run is masked as an ID', input: '330102138123456781', expected: '330102********6781' },
  { name: 'a 19-digit run is neither an ID nor a phone', input: '订单3301021990010112345', expected: '订单3301021990010112345' },
  { name: 'a 17-digit run is left alone', input: '33010219900101123', expected: '33010219900101123' },
  { name: 'an ID and a phone number together', input: '报事人身份证330102199001011234，电话13812345678', expected: '报事人身份证330102********1234，电话138****5678' },
  // Nothing personal
  { name: 'text without personal data is unchanged', input: '解放街12号井盖缺失，已于2026-03-10 08:00上报，损失约3000元', expected: '解放街12号井盖缺失，已于2026-03-10 08:00上报，损失约3000元' },
  { name: 'the empty string', input: '', expected: '' },
  // Markup is not this function's business: it masks digits and leaves every other character as is.
  { name: 'hostile HTML stays as text, only the phone number masked', input: '<script>alert("13812345678")</script><img src=x onerror="alert(1)">', expected: '<script>alert("138****5678")</script><img src=x onerror="alert(1)">' },
  { name: 'HTML entities and tags without personal data are untouched', input: '<b onclick=\'x()\'>&lt;投诉&gt;</b>&amp;', expected: '<b onclick=\'x()\'>&lt;投诉&gt;</b>&amp;' },
];

describe('maskPersonalData', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const masked = maskPersonalData(c.input);
      expect(masked).toBe(c.expected);
      // Masking replaces characters one for one: the text never grows or shrinks.
      expect(masked.length).toBe(c.input.length);
    });
  }

  it('is idempotent (masking masked text changes nothing)', () => {
    for (const c of CASES) expect(maskPersonalData(maskPersonalData(c.input))).toBe(c.expected);
  });

  it('is stateless between calls (global regexes do not carry lastIndex over)', () => {
    const text = '13812345678 和 13912345678';
    expect(maskPersonalData(text)).toBe('138****5678 和 139****5678');
    expect(maskPersonalData(text)).toBe('138****5678 和 139****5678');
  });
});

describe('maskPersonalData: numbers as people really type them', () => {
  const cases: [string, string, string][] = [
    ['+86 prefix', '电话+8613812345678', '电话+86138****5678'],
    ['86 with a space', '联系 86 13812345678 谢谢', '联系 86 138****5678 谢谢'],
    ['hyphen groups', '电话138-1234-5678。', '电话138****5678。'],
    ['space groups', '电话 138 1234 5678', '电话 138****5678'],
    ['full-width digits', '电话１３８１２３４５６７８', '电话１３８****５６７８'],
    ['ID after a Latin word ending in x', 'Tax331102198501011234', 'Tax331102********1234'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => expect(maskPersonalData(input)).toBe(expected));
  }
});
