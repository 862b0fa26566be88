package io.leadjourney.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.TreeSet;

/** A sales rep who can receive leads. The id is the rep's Camunda user id. */
@Entity
@Table(name = "rep")
public class Rep {

    @Id
    private String userId;
    private String displayName;
    private String email;
    private boolean active = true;
    /** How many open leads (awaiting acceptance or in the contact cadence) the rep can work; null: no limit. */
    private Integer maxOpenLeads;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "rep_group", joinColumns = @JoinColumn(name = "rep_id"))
    @Column(name = "group_id")
    private Set<String> groups = new TreeSet<>();

    protected Rep() {
    }

    public Rep(String userId, String displayName, String email, Set<String> groups) {
        this.userId = userId;
        this.displayName = displayName;
        this.email = email;
        this.groups = new TreeSet<>(groups);
    }

    public String getUserId() { return userId; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public boolean isActive() { return active; }
    public Set<String> getGroups() { return groups; }

    public Integer getMaxOpenLeads() { return maxOpenLeads; }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** Takes what a manager set through {@code PUT /api/reps/{id}}. */
    void update(String displayName, String email, Set<String> groups, Integer maxOpenLeads, boolean active) {
        this.displayName = displayName;
        this.email = email;
        this.groups.clear();
        this.groups.addAll(groups);
        this.maxOpenLeads = maxOpenLeads;
        this.active = active;
    }
}
