-- A deleted user's API tokens stop working with the user, whichever way the user goes (issue 12, finding 9).
create function revoke_tokens_of_deleted_user() returns trigger language plpgsql as $$
begin
    update api_token set revoked_at = now() where created_by = old.username and revoked_at is null;
    return old;
end $$;

create trigger app_user_deleted_revokes_tokens after delete on app_user
    for each row execute function revoke_tokens_of_deleted_user();

-- tokens of users deleted before this fix
update api_token set revoked_at = now()
where revoked_at is null and created_by is not null and created_by <> 'RAPPORT_BOOTSTRAP_TOKEN'
  and not exists (select from app_user u where u.username = api_token.created_by);
