/** What services need from the pub/sub: publish after commit. */
export interface EventPublisher {
  publishAsync(topic: string, payload: unknown): Promise<void>;
}
