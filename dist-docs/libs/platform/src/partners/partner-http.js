"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PartnerUnavailableError = exports.PartnerRejectedError = void 0;
exports.postToPartner = postToPartner;
/** The partner refused the request (a 4xx): sending it again cannot succeed. */
class PartnerRejectedError extends Error {
    constructor(partner, status, detail) {
        super(`${partner} rejected the request with ${status}: ${detail}`);
        this.partner = partner;
        this.status = status;
    }
}
exports.PartnerRejectedError = PartnerRejectedError;
/** The partner failed or did not answer in time: a retry may succeed. */
class PartnerUnavailableError extends Error {
    constructor(partner, reason) {
        super(`${partner} is unavailable: ${reason}`);
        this.partner = partner;
    }
}
exports.PartnerUnavailableError = PartnerUnavailableError;
/** POSTs JSON to an external partner and sorts its failures into retryable or not. */
async function postToPartner(request) {
    let response;
    try {
        response = await fetch(request.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
            body: JSON.stringify(request.body),
            signal: AbortSignal.timeout(request.timeoutMs),
        });
    }
    catch (error) {
        const reason = error.name === 'TimeoutError' ? 'timed out' : error.message;
        throw new PartnerUnavailableError(request.partner, reason);
    }
    const text = await response.text();
    if (response.ok)
        return (text ? JSON.parse(text) : {});
    if (response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429) {
        throw new PartnerRejectedError(request.partner, response.status, text.slice(0, 500));
    }
    throw new PartnerUnavailableError(request.partner, `answered ${response.status}`);
}
