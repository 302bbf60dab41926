/** The only Lambda RequestHandler: turns API Gateway proxy events into protocol calls. */
package dev.userpool.lambda;
