/**
 * Gauges of the running application for Prometheus: leads per stage, open incidents, the job backlog, the
 * acceptance rate.
 */
package io.leadjourney.monitoring;
