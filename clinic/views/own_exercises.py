"""The clinic admin's content pages: the clinic's own exercises (clinic/own_exercises.py)
and the routines its clinicians share with each other."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import require_clinic_admin
from clinic import own_exercises
from clinic.forms_exercise import OwnExerciseForm
from routines.models import Routine


def shared_templates(clinic):
    return Routine.objects.templates().filter(clinic=clinic, shared=True)


@require_GET
@never_cache
def exercise_list(request: HttpRequest) -> HttpResponse:
    """Five queries whatever the numbers: session, user, device, the exercises, the
    shared routines with their authors."""
    admin = require_clinic_admin(request.user)
    exercises = own_exercises.of_clinic(admin.clinic).order_by(f"name_{settings.LANGUAGE_CODE}")
    templates = shared_templates(admin.clinic).select_related("owner").order_by("title", "pk")
    context = {"exercises": exercises, "templates": templates, "clinic": admin.clinic}
    return render(request, "clinic/own_exercises.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
def new_exercise(request: HttpRequest) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    form = OwnExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        exercise = own_exercises.create(admin.clinic, form.cleaned_data)
        messages.success(
            request,
            _("%(name)s is in your clinic's library now.") % {"name": form.cleaned_data["name"]},
        )
        return redirect("clinic:edit_own_exercise", slug=exercise.slug)
    status = 422 if request.method == "POST" else 200
    return render(request, "clinic/own_exercise_form.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@never_cache
def edit_exercise(request: HttpRequest, slug: str) -> HttpResponse:
    admin = require_clinic_admin(request.user)
    exercise = own_exercises.own_exercise(admin.clinic, slug)
    form = OwnExerciseForm(request.POST or None, initial=own_exercises.initial(exercise))
    if request.method == "POST" and form.is_valid():
        own_exercises.update(exercise, admin.clinic, form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("clinic:edit_own_exercise", slug=exercise.slug)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "exercise": exercise}
    return render(request, "clinic/own_exercise_form.html", context, status=status)


@require_POST
def publish_exercise(request: HttpRequest, slug: str) -> HttpResponse:
    """published=1 puts it back in the library; anything else takes it out."""
    admin = require_clinic_admin(request.user)
    exercise = own_exercises.own_exercise(admin.clinic, slug)
    published = request.POST.get("published") == "1"
    own_exercises.set_published(exercise, published)
    if published:
        message = _("%(name)s is back in your clinic's library.")
    else:
        message = _("%(name)s is out of the library. Patients who have it in their plan keep it.")
    messages.success(request, message % {"name": exercise.name})
    return redirect("clinic:own_exercises")


@require_POST
def unshare_template(request: HttpRequest, code) -> HttpResponse:
    """The clinic's other clinicians can no longer use or copy it; its author keeps it,
    and plans made from it are unchanged."""
    admin = require_clinic_admin(request.user)
    routine = get_object_or_404(shared_templates(admin.clinic), code=code)
    routine.shared = False
    routine.save(update_fields=["shared", "updated"])
    messages.success(
        request,
        _("%(title)s is no longer shared. Its author still has it.") % {"title": routine.title},
    )
    return redirect("clinic:own_exercises")
