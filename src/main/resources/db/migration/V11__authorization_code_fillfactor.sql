-- Redeeming a code updates its row (redeemed, token_id, token_expires_at: none of them indexed). With pages left
-- half empty the new version fits on the same page, so the update is HOT: no new index entry, less WAL, and the old
-- version is pruned without vacuum. The table holds only minutes of codes, so the space costs nothing.
alter table authorization_code set (fillfactor = 50);
