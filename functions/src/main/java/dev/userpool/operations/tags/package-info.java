/** Tagging of user pools by ARN: TagResource, UntagResource, ListTagsForResource. */
package dev.userpool.operations.tags;
