/**
 * Camunda plumbing that knows no feature's rules: the DMN evaluator, working time for the models ({@code
 * workingTime('P2D')}), command interceptors and retries, the deployment guard and model safety, the job due-date
 * index.
 */
package io.leadjourney.engine;
