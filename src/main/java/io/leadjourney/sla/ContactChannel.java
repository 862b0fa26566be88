package io.leadjourney.sla;

public enum ContactChannel {
    CALL, EMAIL
}
