CATALOGUE_EDITORS = "Catalogue editors"


def ensure_catalogue_editors(app_config, using="default", **kwargs) -> None:
    """Keep the "Catalogue editors" group holding every permission on the catalogue
    (the app that sends post_migrate: exercises, and learn for the reads).

    Runs after each migrate, so it is idempotent and repairs a group someone emptied by
    mistake. This app's post_migrate receivers run before django.contrib.auth's (app
    order), so the permissions are created here first; create_permissions skips any that
    exist.
    """
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    create_permissions(app_config, verbosity=0, using=using)
    group, _ = Group.objects.using(using).get_or_create(name=CATALOGUE_EDITORS)
    permissions = Permission.objects.using(using).filter(content_type__app_label=app_config.label)
    group.permissions.add(*permissions)
