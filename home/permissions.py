from functools import wraps

from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied


def staff_permission_required(*perms):
    """For the project's own admin screens: any one of `perms`, otherwise a plain 403.
    (Wagtail's admin turns a raised PermissionDenied into a redirect to the dashboard.)"""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not any(request.user.has_perm(perm) for perm in perms):
                return permission_denied(request, PermissionDenied())
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
