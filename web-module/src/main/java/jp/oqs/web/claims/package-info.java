/** レセプト振替・分割 for the operators: the claims jobs' resource and the clinics' 資格確認結果連絡書 as CSV. */
package jp.oqs.web.claims;
