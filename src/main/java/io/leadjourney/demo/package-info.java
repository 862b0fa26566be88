/**
 * The demo profile's users and leads, so the first start shows a pipeline.
 */
package io.leadjourney.demo;
