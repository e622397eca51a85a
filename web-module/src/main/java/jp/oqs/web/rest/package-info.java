/** The JAX-RS application and the one place where failures become the error body and an HTTP status. */
package jp.oqs.web.rest;
