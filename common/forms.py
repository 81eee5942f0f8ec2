"""Turning a service error into a form error, so nothing the user typed is lost."""

from common.errors import ServiceError


def run_service(form, service, **kwargs):
    """Call the service; on a ServiceError attach the message to the form and return None."""
    try:
        return service(**kwargs)
    except ServiceError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return None
