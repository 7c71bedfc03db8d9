def reminder_settings(request):
    raise NotImplementedError


def unsubscribe(request, token):
    raise NotImplementedError
