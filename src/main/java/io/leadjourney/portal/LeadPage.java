package io.leadjourney.portal;

import java.util.List;

/** One page of a search: the leads, the page asked for, and how many leads match in all. */
public record LeadPage(List<LeadSummary> leads, int page, int size, long total) {
}
