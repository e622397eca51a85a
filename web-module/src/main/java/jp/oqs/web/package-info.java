/**
 * The web boundary: the JAX-RS application, its resources (thin: validate, call one session bean, map to the
 * contract's records), error mapping, security and health checks.
 */
package jp.oqs.web;
