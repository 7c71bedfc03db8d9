from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from exercises.forms import LibraryFilterForm
from exercises.models import Equipment, Exercise


def _visible_exercises(request: HttpRequest):
    """Drafts are only for the people who edit the catalogue. (has_perm costs two
    queries, so it is only asked of staff.)"""
    user = request.user
    exercises = Exercise.objects.for_cards()
    if not (user.is_staff and user.has_perm("exercises.change_exercise")):
        exercises = exercises.published()
    return exercises


@require_GET
@vary_on_headers("HX-Request")
def exercise_list(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None, equipment=Equipment.objects.all())
    exercises = _visible_exercises(request)
    if form.is_bound:
        form.is_valid()
        exercises = form.filter(exercises)
    template = "exercises/list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
    return render(request, template, {"form": form, "exercises": exercises})


@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(_visible_exercises(request), slug=slug)
    return render(request, "exercises/detail.html", {"exercise": exercise})
