/**
 * The HTTP edge: problem details for every error, the OpenAPI description, request size limits.
 */
package io.leadjourney.web;
