/** Health records (issue 12): insurers' batches in, the person's and the consenting clinic's readings out. */
package jp.oqs.web.healthdata;
